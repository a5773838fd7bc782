import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permission';
import { Authenticated } from '../auth/authenticated.decorator';
import { AssessmentProgressService } from './assessment-progress.service';
import { ApiOk } from '../common/http/api-responses';
import { OverdueQuery, ProgressAggregateQuery } from './dto/assessment.dto';
import { ProgressAggregateResponse } from './dto/progress.response';
import { OverduePageResponse } from './dto/schedule.response';
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
  @ApiOk(OverduePageResponse)
  listOverdue(@Query() query: OverdueQuery): Promise<OverduePageResponse> {
    return this.overdue.list(query);
  }

  @Get('progress')
  @Authenticated({
    permission: Permission.ReportRead,
    summary: 'Distance travelled over a period, per team, organisation or for the partnership',
  })
  @ApiOk(ProgressAggregateResponse)
  aggregate(@Query() query: ProgressAggregateQuery): Promise<ProgressAggregateResponse> {
    return this.progress.aggregate(query);
  }
}
