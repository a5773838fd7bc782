import { Module } from '@nestjs/common';
import { DataQualityService } from './data-quality.service';
import { EsfExportService } from './esf-export.service';
import { EsfReportService } from './esf-report.service';
import { QuarterlyReportService } from './quarterly-report.service';
import { ReportsController } from './reports.controller';

@Module({
  controllers: [ReportsController],
  providers: [EsfReportService, EsfExportService, QuarterlyReportService, DataQualityService],
})
export class ReportsModule {}
