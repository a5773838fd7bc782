import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permission';
import { Authenticated } from '../auth/authenticated.decorator';
import { QuarterQuery } from '../reports/dto/report-query.dto';
import {
  ValueQuestionDto,
  ValueQuestionReportResponse,
  ValueQuestionResponse,
} from './dto/value-question.dto';
import { ValueQuestionsService } from './value-questions.service';

@ApiTags('case-meetings')
@Controller()
export class ValueQuestionsController {
  constructor(private readonly valueQuestions: ValueQuestionsService) {}

  @Put('case-meetings/:id/items/:itemId/value-question')
  @ApiOkResponse({ type: ValueQuestionResponse })
  @Authenticated({
    permission: Permission.CaseMeetingWrite,
    summary:
      "Record the participant's question behind the question (waardevraag) and the waste (verspilling) of an agenda item",
  })
  put(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('itemId', ParseUUIDPipe) itemId: string,
    @Body() dto: ValueQuestionDto,
  ) {
    return this.valueQuestions.put(id, itemId, dto);
  }

  @Get('case-meetings/:id/items/:itemId/value-question')
  @ApiOkResponse({ type: ValueQuestionResponse })
  @Authenticated({
    permission: Permission.CaseMeetingRead,
    summary: "An agenda item's value question and waste (as visible as the item)",
  })
  get(@Param('id', ParseUUIDPipe) id: string, @Param('itemId', ParseUUIDPipe) itemId: string) {
    return this.valueQuestions.get(id, itemId);
  }

  @Get('reports/value-questions')
  @ApiOkResponse({ type: ValueQuestionReportResponse })
  @Authenticated({
    permission: Permission.ReportRead,
    summary: "The quarter's value questions and waste, pseudonymous, for the quality coach's learning cycle",
  })
  report(@Query() q: QuarterQuery) {
    return this.valueQuestions.report(q);
  }
}
