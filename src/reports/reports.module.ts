import { Module } from '@nestjs/common';
import { EmpowermentModule } from '../empowerment/empowerment.module';
import { TrajectoriesModule } from '../trajectories/trajectories.module';
import { DataQualityRepository } from './data-quality.repository';
import { DataQualityService } from './data-quality.service';
import { EsfExportService } from './esf-export.service';
import { EsfReportService } from './esf-report.service';
import { FollowUpsController } from './follow-ups/follow-ups.controller';
import { FollowUpsRepository } from './follow-ups/follow-ups.repository';
import { FollowUpsService } from './follow-ups/follow-ups.service';
import { ParticipantNamesRepository } from './participant-names.repository';
import { ParticipantNamesService } from './participant-names.service';
import { QuarterlyExportService } from './quarterly-export.service';
import { QuarterlyReportService } from './quarterly-report.service';
import { ReportsController } from './reports.controller';
import { SubmissionsController } from './submissions/submissions.controller';
import { SubmissionsService } from './submissions/submissions.service';

@Module({
  imports: [TrajectoriesModule, EmpowermentModule],
  controllers: [ReportsController, FollowUpsController, SubmissionsController],
  providers: [
    EsfReportService,
    EsfExportService,
    QuarterlyReportService,
    QuarterlyExportService,
    DataQualityService,
    DataQualityRepository,
    FollowUpsService,
    FollowUpsRepository,
    ParticipantNamesService,
    ParticipantNamesRepository,
    SubmissionsService,
  ],
})
export class ReportsModule {}
