import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permission';
import { Authenticated } from '../auth/authenticated.decorator';
import { ApiIfMatch, IfMatch } from '../common/http/if-match.decorator';
import { Idempotent } from '../common/http/idempotent.decorator';
import { CreateParticipantDto, ParticipantQuery, UpdateParticipantDto } from './dto/participant-input.dto';
import { ParticipantsService } from './participants.service';
import { ParticipantResponse } from './dto/participant.response';
import { ApiProblems } from '../common/http/api-problems.decorator';
import { ApiCreated, ApiOk, ApiPageResponse } from '../common/http/api-responses';

@ApiTags('participants')
@Controller('participants')
export class ParticipantsController {
  constructor(private readonly participants: ParticipantsService) {}

  @Post()
  @Idempotent<ParticipantsController>((c, id) => c.get(id))
  @Authenticated({
    permission: Permission.ParticipantCreate,
    summary: "Sign up a participant (owned by the caller's organisation); checks duplicates",
  })
  @ApiCreated(ParticipantResponse)
  @ApiProblems({
    400: ['INSZ_INVALID', 'DATE_IN_FUTURE', 'WIJK_UNKNOWN'],
    409: ['PARTICIPANT_DUPLICATE', 'PARTICIPANT_POSSIBLE_DUPLICATE'],
  })
  create(@Body() dto: CreateParticipantDto) {
    return this.participants.create(dto);
  }

  @Get()
  @Authenticated({
    permission: Permission.ParticipantRead,
    summary: 'Search and list the participants the caller may see, each once at its widest scope',
  })
  @ApiPageResponse(ParticipantResponse)
  list(@Query() query: ParticipantQuery) {
    return this.participants.list(query);
  }

  @Get(':id')
  @Authenticated({
    permission: Permission.ParticipantRead,
    summary: "Get a participant, with the fields the caller's scope allows",
  })
  @ApiOk(ParticipantResponse)
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.participants.get(id);
  }

  @Patch(':id')
  @ApiIfMatch()
  @Authenticated({
    permission: Permission.ParticipantUpdate,
    summary: 'Update or rectify a participant (full scope); entry-profile changes need a correctionReason',
  })
  @ApiOk(ParticipantResponse)
  @ApiProblems({
    400: ['INSZ_INVALID', 'DATE_IN_FUTURE', 'WIJK_UNKNOWN', 'CORRECTION_REASON_REQUIRED'],
    409: ['PARTICIPANT_DUPLICATE'],
  })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatch() version: number,
    @Body() dto: UpdateParticipantDto,
  ) {
    return this.participants.update(id, version, dto);
  }
}
