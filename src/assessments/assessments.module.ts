import { Module } from '@nestjs/common';
import { EmpowermentModule } from '../empowerment/empowerment.module';
import { ParticipantsModule } from '../participants/participants.module';
import { TrajectoriesModule } from '../trajectories/trajectories.module';
import { AssessmentProgressService } from './assessment-progress.service';
import { AssessmentReportsRepository } from './assessment-reports.repository';
import { AssessmentReportsController } from './assessment-reports.controller';
import { AssessmentScheduleService } from './assessment-schedule.service';
import { AssessmentStarService } from './assessment-star.service';
import { AssessmentsController } from './assessments.controller';
import { AssessmentsRepository } from './assessments.repository';
import { AssessmentsService } from './assessments.service';
import { OverdueAssessmentsService } from './overdue-assessments.service';

@Module({
  imports: [TrajectoriesModule, EmpowermentModule, ParticipantsModule],
  controllers: [AssessmentsController, AssessmentReportsController],
  providers: [
    AssessmentsService,
    AssessmentScheduleService,
    AssessmentProgressService,
    AssessmentStarService,
    OverdueAssessmentsService,
    AssessmentsRepository,
    AssessmentReportsRepository,
  ],
  exports: [OverdueAssessmentsService],
})
export class AssessmentsModule {}
