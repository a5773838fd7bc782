import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permission';
import { Authenticated } from '../auth/authenticated.decorator';
import { AssessmentProgressService } from './assessment-progress.service';
import { OverdueQuery, ProgressAggregateQuery } from './dto/assessment.dto';
import { OverdueAssessmentsService } from './overdue-assessments.service';

@ApiTags('assessments')
@Controller('assessments')
export class AssessmentReportsController {
  constructor(
    private readonly overdue: OverdueAssessmentsService,
    private readonly progress: AssessmentProgressService,
  ) {}

  @Get('overdue')
  @Authenticated({
    permission: Permission.AssessmentRead,
    summary:
      'Late assessments: coordinators the partnership (names only where they hold a grant), others their caseload',
  })
  listOverdue(@Query() query: OverdueQuery) {
    return this.overdue.list(query);
  }

  @Get('progress')
  @Authenticated({
    permission: Permission.ReportRead,
    summary: 'Distance travelled over a period, per team, organisation or for the partnership',
  })
  aggregate(@Query() query: ProgressAggregateQuery) {
    return this.progress.aggregate(query);
  }
}
