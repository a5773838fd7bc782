import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permission';
import { Authenticated } from '../auth/authenticated.decorator';
import { QuarterQuery } from '../reports/dto/report-query.dto';
import { CreateSignalDto, SignalReportResponse, SignalResponse } from './dto/signal.dto';
import { SignalsService } from './signals.service';

@ApiTags('signals')
@Controller()
export class SignalsController {
  constructor(private readonly signals: SignalsService) {}

  @Post('signals')
  @ApiCreatedResponse({ type: SignalResponse })
  @Authenticated({
    permission: Permission.SignalWrite,
    summary: 'Record a signal of a structural barrier (no personal data: an INSZ or a known name is refused)',
  })
  create(@Body() dto: CreateSignalDto) {
    return this.signals.create(dto);
  }

  @Get('reports/signals')
  @ApiOkResponse({ type: SignalReportResponse })
  @Authenticated({
    permission: Permission.ReportRead,
    summary: "The quarter's signals for the steering group: counts per category and the texts",
  })
  report(@Query() q: QuarterQuery) {
    return this.signals.report(q);
  }
}
