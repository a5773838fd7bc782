import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permission';
import { Authenticated } from '../auth/authenticated.decorator';
import { CreateInstrumentDto, InstrumentQuery, InstrumentResponse } from './dto/instrument.dto';
import { InstrumentsService } from './instruments.service';
import { ApiCreated, ApiOk, ApiPageResponse } from '../common/http/api-responses';

/** No PATCH or DELETE on purpose: assessments point at an exact version, so a change is a new version. */
@ApiTags('instruments')
@Controller('instruments')
export class InstrumentsController {
  constructor(private readonly instruments: InstrumentsService) {}

  @Get()
  @Authenticated({
    permission: Permission.InstrumentRead,
    summary: "List the built-in instruments and the partnership's own",
  })
  @ApiPageResponse(InstrumentResponse)
  list(@Query() query: InstrumentQuery) {
    return this.instruments.list(query);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.InstrumentRead, summary: 'Get one version of an instrument' })
  @ApiOk(InstrumentResponse)
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.instruments.get(id);
  }

  @Post()
  @Authenticated({
    permission: Permission.InstrumentWrite,
    summary: 'Add an instrument, or a new version of a key (versions are immutable)',
  })
  @ApiCreated(InstrumentResponse)
  create(@Body() dto: CreateInstrumentDto) {
    return this.instruments.create(dto);
  }
}
