import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permission';
import { Authenticated } from '../auth/authenticated.decorator';
import { OverdueQuery } from './dto/assessment.dto';
import { OverdueAssessmentsService } from './overdue-assessments.service';

@ApiTags('assessments')
@Controller('assessments')
export class AssessmentReportsController {
  constructor(private readonly overdue: OverdueAssessmentsService) {}

  @Get('overdue')
  @Authenticated({
    permission: Permission.AssessmentRead,
    summary:
      'Late assessments: coordinators the partnership (names only where they hold a grant), others their caseload',
  })
  listOverdue(@Query() query: OverdueQuery) {
    return this.overdue.list(query);
  }
}
