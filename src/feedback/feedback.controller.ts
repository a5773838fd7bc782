import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permission';
import { Authenticated } from '../auth/authenticated.decorator';
import { CreateFeedbackDto, FeedbackQuery } from './dto/feedback.dto';
import { FeedbackPageResponse, FeedbackResponse } from './dto/feedback.response';
import { FeedbackService } from './feedback.service';

@ApiTags('feedback')
@Controller('trajectories/:id/feedback')
export class FeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  @Post()
  @ApiCreatedResponse({ type: FeedbackResponse })
  @Authenticated({
    permission: Permission.FeedbackWrite,
    summary: "Record the participant's feedback (satisfaction 1–5, their own words), at closing or any time",
  })
  create(@Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateFeedbackDto) {
    return this.feedback.create(id, dto);
  }

  @Get()
  @ApiOkResponse({ type: FeedbackPageResponse })
  @Authenticated({ permission: Permission.FeedbackRead, summary: "A trajectory's participant feedback" })
  list(@Param('id', ParseUUIDPipe) id: string, @Query() query: FeedbackQuery) {
    return this.feedback.list(id, query);
  }
}
