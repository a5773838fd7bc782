import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiExtraModels, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Permission } from '../access/permission';
import { Authenticated } from '../auth/authenticated.decorator';
import { Lang, RequestLang } from '../common/i18n/lang';
import { DataQualityService } from './data-quality.service';
import {
  DataQualityQuery,
  ExplainQuery,
  FollowUpsDueQuery,
  PeriodQuery,
  QuarterQuery,
} from './dto/report-query.dto';
import { EsfExportService } from './esf-export.service';
import { EsfReportService } from './esf-report.service';
import { sendFile } from './export/send-file';
import { FollowUpsService } from './follow-ups/follow-ups.service';
import { QuarterlyExportService } from './quarterly-export.service';
import { QuarterlyReportService } from './quarterly-report.service';
import { ApiFileResponse, ApiOk } from '../common/http/api-responses';
import { FollowUpsDuePageResponse } from './follow-ups/follow-up.response';
import { DataQualityPageResponse } from './dto/data-quality.response';
import { EsfExplainResponse, EsfReportResponse } from './dto/esf-report.response';
import { QUARTERLY_EXTRA_MODELS, QuarterlyReportResponse } from './dto/quarterly-report.response';

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly esf: EsfReportService,
    private readonly exports: EsfExportService,
    private readonly quarterly: QuarterlyReportService,
    private readonly quarterlyExport: QuarterlyExportService,
    private readonly dataQuality: DataQualityService,
    private readonly followUps: FollowUpsService,
  ) {}

  @Get('esf')
  @Authenticated({
    permission: Permission.ReportRead,
    summary:
      'ESF+ common indicators (EECO01–17, EECR01–06) for a period, by gender, each with its code and definition',
  })
  @ApiOk(EsfReportResponse, 'The ESF+ indicators (esf.csv and esf.xlsx export the same)')
  esfReport(@Query() q: PeriodQuery, @RequestLang() lang: Lang) {
    return this.esf.report(q, lang);
  }

  @Get('esf/participants')
  @Authenticated({
    permission: Permission.ReportRead,
    summary: 'The participants behind one ESF+ number: ids, and names where the caller holds a grant',
  })
  @ApiOk(EsfExplainResponse)
  esfParticipants(@Query() q: ExplainQuery, @RequestLang() lang: Lang) {
    return this.esf.explain(q, lang);
  }

  @Get('esf.csv')
  @ApiProduces('text/csv')
  @Authenticated({
    permission: Permission.ReportRead,
    summary: 'ESF+ export, one row per participant and one column per indicator (streamed, audited)',
  })
  @ApiFileResponse('text/csv', 'The ESF+ export (UTF-8, semicolon-separated)')
  async esfCsv(@Query() q: PeriodQuery, @Res() reply: FastifyReply, @RequestLang() lang: Lang) {
    return sendFile(reply, await this.exports.csv(q, lang));
  }

  @Get('esf.xlsx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @Authenticated({
    permission: Permission.ReportRead,
    summary: 'ESF+ workbook: summary, participants and definitions sheets (streamed, audited)',
  })
  @ApiFileResponse('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'The ESF+ workbook')
  async esfXlsx(@Query() q: PeriodQuery, @Res() reply: FastifyReply, @RequestLang() lang: Lang) {
    return sendFile(reply, await this.exports.xlsx(q, lang));
  }

  @Get('quarterly')
  @Authenticated({
    permission: Permission.ReportRead,
    summary:
      'Quarterly follow-up: inflow, reach, exits against the work target, durations, contact intensity, caseload per FTE, referral turnaround',
  })
  @ApiExtraModels(...QUARTERLY_EXTRA_MODELS)
  @ApiOk(QuarterlyReportResponse, 'The quarterly follow-up (quarterly.xlsx gives the same as a workbook)')
  quarterlyReport(@Query() q: QuarterQuery, @RequestLang() lang: Lang) {
    return this.quarterly.report(q, lang);
  }

  @Get('quarterly.xlsx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @Authenticated({
    permission: Permission.ReportRead,
    summary:
      'Quarterly follow-up as a workbook, one sheet per section, the same figures as the JSON (audited)',
  })
  @ApiFileResponse(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'The quarterly workbook',
  )
  async quarterlyXlsx(@Query() q: QuarterQuery, @Res() reply: FastifyReply, @RequestLang() lang: Lang) {
    return sendFile(reply, await this.quarterlyExport.xlsx(q, lang));
  }

  @Get('data-quality')
  @Authenticated({
    permission: Permission.ReportRead,
    summary:
      'Participants with incomplete or inconsistent entry data, each with its reasons (names only with a grant)',
  })
  @ApiOk(DataQualityPageResponse)
  dataQualityList(@Query() q: DataQualityQuery, @RequestLang() lang: Lang) {
    return this.dataQuality.list(q, lang);
  }

  @Get('follow-ups-due')
  @Authenticated({
    permission: Permission.ReportRead,
    summary: 'Who to contact for a follow-up, and when: 4 weeks and 6 months after leaving',
  })
  @ApiOk(FollowUpsDuePageResponse)
  followUpsDue(@Query() q: FollowUpsDueQuery): Promise<FollowUpsDuePageResponse> {
    return this.followUps.due(q);
  }
}
