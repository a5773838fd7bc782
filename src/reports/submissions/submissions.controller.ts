import { ApiFileResponse } from '../../common/http/api-responses';
import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Permission } from '../../access/permission';
import { Authenticated } from '../../auth/authenticated.decorator';
import { Lang, RequestLang } from '../../common/i18n/lang';
import {
  CreateEsfSubmissionDto,
  CreateQuarterlySubmissionDto,
  SubmissionListQuery,
} from './dto/create-submission.dto';
import { RestatementResponse, SubmissionPageResponse, SubmissionResponse } from './dto/submission.response';
import { XLSX_MEDIA_TYPE } from '../export/export-file';
import { sendFile } from '../export/send-file';
import { SubmissionsService } from './submissions.service';

const XLSX = XLSX_MEDIA_TYPE;

/** Report submissions: what was sent to Europa WSE or the steering group, frozen and append-only. */
@ApiTags('reports')
@Controller('reports')
export class SubmissionsController {
  constructor(private readonly submissions: SubmissionsService) {}

  @Post('esf/submissions')
  @ApiCreatedResponse({ type: SubmissionResponse })
  @Authenticated({
    permission: Permission.ReportSubmit,
    summary:
      'Freeze the ESF+ report of a period as submitted: its figures and a hash of the facts behind them',
  })
  submitEsf(@Body() dto: CreateEsfSubmissionDto, @RequestLang() lang: Lang) {
    return this.submissions.submitEsf(dto, lang);
  }

  @Get('esf/submissions')
  @ApiOkResponse({ type: SubmissionPageResponse })
  @Authenticated({ permission: Permission.ReportRead, summary: 'The ESF+ submissions, newest first' })
  listEsf(@Query() q: SubmissionListQuery) {
    return this.submissions.list('esf', q);
  }

  @Get('esf/submissions/:id.csv')
  @ApiProduces('text/csv')
  @Authenticated({
    permission: Permission.ReportRead,
    summary:
      'The participant rows of an ESF+ submission as they were sent (pseudonymous ids, no names; audited)',
  })
  @ApiFileResponse('text/csv', 'The submitted participant rows (UTF-8, semicolon-separated)')
  async esfCsv(
    @Param('id', ParseUUIDPipe) id: string,
    @Res() reply: FastifyReply,
    @RequestLang() lang: Lang,
  ) {
    return sendFile(reply, await this.submissions.csv(id, lang));
  }

  @Get('esf/submissions/:id.xlsx')
  @ApiProduces(XLSX)
  @Authenticated({
    permission: Permission.ReportRead,
    summary: 'An ESF+ submission as a workbook: the figures and participant rows as they were sent (audited)',
  })
  @ApiFileResponse(XLSX, 'The submitted figures and participant rows')
  async esfXlsx(
    @Param('id', ParseUUIDPipe) id: string,
    @Res() reply: FastifyReply,
    @RequestLang() lang: Lang,
  ) {
    return sendFile(reply, await this.submissions.xlsx(id, lang));
  }

  @Get('esf/submissions/:id')
  @ApiOkResponse({ type: SubmissionResponse })
  @Authenticated({ permission: Permission.ReportRead, summary: 'One ESF+ submission, its figures unchanged' })
  getEsf(@Param('id', ParseUUIDPipe) id: string) {
    return this.submissions.get('esf', id);
  }

  @Get('esf/submissions/:id/restatement')
  @ApiOkResponse({ type: RestatementResponse })
  @Authenticated({
    permission: Permission.ReportRead,
    summary:
      "An ESF+ submission beside today's figures for its period: per indicator submitted, current and delta, and who moved (names only with a grant)",
  })
  esfRestatement(@Param('id', ParseUUIDPipe) id: string) {
    return this.submissions.restatement('esf', id);
  }

  @Post('quarterly/submissions')
  @ApiCreatedResponse({ type: SubmissionResponse })
  @Authenticated({
    permission: Permission.ReportSubmit,
    summary:
      'Freeze the quarterly report as submitted: its figures and a hash of the trajectory facts behind them',
  })
  submitQuarterly(@Body() dto: CreateQuarterlySubmissionDto, @RequestLang() lang: Lang) {
    return this.submissions.submitQuarterly(dto, lang);
  }

  @Get('quarterly/submissions')
  @ApiOkResponse({ type: SubmissionPageResponse })
  @Authenticated({ permission: Permission.ReportRead, summary: 'The quarterly submissions, newest first' })
  listQuarterly(@Query() q: SubmissionListQuery) {
    return this.submissions.list('quarterly', q);
  }

  @Get('quarterly/submissions/:id')
  @ApiOkResponse({ type: SubmissionResponse })
  @Authenticated({
    permission: Permission.ReportRead,
    summary: 'One quarterly submission, its figures unchanged',
  })
  getQuarterly(@Param('id', ParseUUIDPipe) id: string) {
    return this.submissions.get('quarterly', id);
  }

  @Get('quarterly/submissions/:id/restatement')
  @ApiOkResponse({ type: RestatementResponse })
  @Authenticated({
    permission: Permission.ReportRead,
    summary:
      "A quarterly submission beside today's figures for its quarter: per figure submitted, current and delta, and who moved",
  })
  quarterlyRestatement(@Param('id', ParseUUIDPipe) id: string) {
    return this.submissions.restatement('quarterly', id);
  }
}
