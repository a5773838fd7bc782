import { Module } from '@nestjs/common';
import { EmpowermentModule } from '../empowerment/empowerment.module';
import { TrajectoriesModule } from '../trajectories/trajectories.module';
import { AssessmentProgressService } from './assessment-progress.service';
import { AssessmentReportsController } from './assessment-reports.controller';
import { AssessmentScheduleService } from './assessment-schedule.service';
import { AssessmentStarService } from './assessment-star.service';
import { AssessmentsController } from './assessments.controller';
import { AssessmentsService } from './assessments.service';
import { OverdueAssessmentsService } from './overdue-assessments.service';

@Module({
  imports: [TrajectoriesModule, EmpowermentModule],
  controllers: [AssessmentsController, AssessmentReportsController],
  providers: [
    AssessmentsService,
    AssessmentScheduleService,
    AssessmentProgressService,
    AssessmentStarService,
    OverdueAssessmentsService,
  ],
  exports: [OverdueAssessmentsService],
})
export class AssessmentsModule {}
