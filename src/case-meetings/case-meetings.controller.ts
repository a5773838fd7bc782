import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Permission } from '../access/permission';
import { Authenticated } from '../auth/authenticated.decorator';
import { Lang, RequestLang } from '../common/i18n/lang';
import { renderAgendaMarkdown, wantsMarkdown } from './agenda-format';
import { CaseMeetingsService } from './case-meetings.service';
import { CaseMeetingItemDto, CaseMeetingQuery, CreateCaseMeetingDto } from './dto/case-meeting.dto';
import {
  CaseMeetingActionResponse,
  CaseMeetingAgendaResponse,
  CaseMeetingDetailResponse,
  CaseMeetingItemResponse,
  CaseMeetingPageResponse,
  CaseMeetingResponse,
} from './dto/case-meeting.response';
import { ApiCreated, ApiOk, ApiOkOrFile } from '../common/http/api-responses';

@ApiTags('case-meetings')
@Controller('case-meetings')
export class CaseMeetingsController {
  constructor(private readonly meetings: CaseMeetingsService) {}

  @Post()
  @Authenticated({
    permission: Permission.CaseMeetingWrite,
    summary: 'Plan a case meeting of a local team; attendees may come from any organisation',
  })
  @ApiCreated(CaseMeetingResponse)
  create(@Body() dto: CreateCaseMeetingDto): Promise<CaseMeetingResponse> {
    return this.meetings.create(dto);
  }

  @Get()
  @Authenticated({
    permission: Permission.CaseMeetingRead,
    summary: 'Case meetings the caller organises (organisation) or attends',
  })
  @ApiOk(CaseMeetingPageResponse)
  list(@Query() query: CaseMeetingQuery): Promise<CaseMeetingPageResponse> {
    return this.meetings.list(query);
  }

  @Get(':id')
  @Authenticated({
    permission: Permission.CaseMeetingRead,
    summary: 'A case meeting with the items and actions the caller may see',
  })
  @ApiOk(CaseMeetingDetailResponse)
  get(@Param('id', ParseUUIDPipe) id: string): Promise<CaseMeetingDetailResponse> {
    return this.meetings.get(id);
  }

  @Post(':id/items')
  @Authenticated({
    permission: Permission.CaseMeetingWrite,
    summary:
      'Discuss a trajectory (case_meeting consent or participant present); attendees get case access until 14 days after',
  })
  @ApiCreated(CaseMeetingItemResponse)
  addItem(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CaseMeetingItemDto,
  ): Promise<CaseMeetingItemResponse> {
    return this.meetings.addItem(id, dto);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseMeetingResponse })
  @Authenticated({
    permission: Permission.CaseMeetingWrite,
    summary: "Cancel a meeting (the organiser's organisation); every grant it gave ends at once",
  })
  cancel(@Param('id', ParseUUIDPipe) id: string) {
    return this.meetings.cancel(id);
  }

  @Post(':id/actions/:actionId/complete')
  @HttpCode(200)
  @Authenticated({
    // Completing one's own action is part of taking part: SPOCs and expertise staff own actions too.
    permission: Permission.CaseMeetingRead,
    summary: 'Mark an action done (its owner, or someone with case access to the participant)',
  })
  @ApiOk(CaseMeetingActionResponse)
  complete(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('actionId', ParseUUIDPipe) actionId: string,
  ): Promise<CaseMeetingActionResponse> {
    return this.meetings.completeAction(id, actionId);
  }

  @Get(':id/agenda')
  @ApiProduces('application/json', 'text/markdown')
  @ApiOkOrFile(
    CaseMeetingAgendaResponse,
    { 'text/markdown': 'text' },
    'The agenda; printable with Accept: text/markdown',
  )
  @Authenticated({
    permission: Permission.CaseMeetingRead,
    summary:
      'The agenda with what the caller may see of each item; printable with Accept: text/markdown (Dutch, or English with Accept-Language: en; times in Europe/Brussels)',
  })
  async agenda(
    @Param('id', ParseUUIDPipe) id: string,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
    @RequestLang() lang: Lang,
  ) {
    const agenda = await this.meetings.agenda(id);
    if (!wantsMarkdown(accept)) return agenda;
    reply.type('text/markdown; charset=utf-8');
    reply.header('content-language', lang);
    return renderAgendaMarkdown(agenda, lang);
  }
}
