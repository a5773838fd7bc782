import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permission';
import { Authenticated } from '../auth/authenticated.decorator';
import { AssessmentProgressService } from './assessment-progress.service';
import { AssessmentScheduleService } from './assessment-schedule.service';
import { AssessmentsService } from './assessments.service';
import { AssessmentQuery, CreateAssessmentDto, InstrumentKeyQuery } from './dto/assessment.dto';

@ApiTags('assessments')
@Controller('trajectories/:id/assessments')
export class AssessmentsController {
  constructor(
    private readonly assessments: AssessmentsService,
    private readonly schedule: AssessmentScheduleService,
    private readonly progress: AssessmentProgressService,
  ) {}

  @Post()
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @Authenticated({
    permission: Permission.AssessmentWrite,
    summary: 'Score an instrument: a baseline, a review or an exit assessment (case scope)',
  })
  create(@Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateAssessmentDto) {
    return this.assessments.create(id, dto);
  }

  @Get()
  @Authenticated({
    permission: Permission.AssessmentRead,
    summary: "A trajectory's assessments, with the participant's disagreement where they scored too",
  })
  list(@Param('id', ParseUUIDPipe) id: string, @Query() query: AssessmentQuery) {
    return this.assessments.list(id, query);
  }

  @Get('due')
  @Authenticated({
    permission: Permission.AssessmentRead,
    summary: 'The next due assessment per instrument on the calendar (empowerment, and any other used)',
  })
  due(@Param('id', ParseUUIDPipe) id: string) {
    return this.schedule.due(id);
  }

  @Get('progress')
  @Authenticated({
    permission: Permission.AssessmentRead,
    summary: 'Distance travelled: baseline against the latest follow-up, per dimension and in total',
  })
  progressOf(@Param('id', ParseUUIDPipe) id: string, @Query() query: InstrumentKeyQuery) {
    return this.progress.forTrajectory(id, query.instrument);
  }
}
