import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permission';
import { Authenticated } from '../auth/authenticated.decorator';
import { ConsentsService } from './consents.service';
import { ConsentListResponse, ConsentResponse, CreateConsentDto } from './dto/consent.dto';
import { ApiCreated, ApiOk } from '../common/http/api-responses';

@ApiTags('privacy')
@Controller('participants/:id/consents')
export class ConsentsController {
  constructor(private readonly consents: ConsentsService) {}

  @Post()
  @Authenticated({
    permission: Permission.ConsentWrite,
    summary: 'Record a consent or legal basis (owner, full scope); partnership_sharing opens summary access',
  })
  @ApiCreated(ConsentResponse)
  record(
    @Param('id', ParseUUIDPipe) participantId: string,
    @Body() dto: CreateConsentDto,
  ): Promise<ConsentResponse> {
    return this.consents.record(participantId, dto);
  }

  @Get()
  @Authenticated({
    permission: Permission.ParticipantRead,
    summary: "A participant's consents, withdrawn ones included (case scope)",
  })
  @ApiOk(ConsentListResponse)
  list(@Param('id', ParseUUIDPipe) participantId: string): Promise<ConsentListResponse> {
    return this.consents.list(participantId);
  }

  @Post(':consentId/withdraw')
  @HttpCode(200)
  @Authenticated({
    permission: Permission.ConsentWrite,
    summary: 'Withdraw a consent; the access it gave ends at once',
  })
  @ApiOk(ConsentResponse)
  withdraw(
    @Param('id', ParseUUIDPipe) participantId: string,
    @Param('consentId', ParseUUIDPipe) consentId: string,
  ): Promise<ConsentResponse> {
    return this.consents.withdraw(participantId, consentId);
  }
}
