import { Module } from '@nestjs/common';
import { EsfExportService } from './esf-export.service';
import { EsfReportService } from './esf-report.service';
import { ReportsController } from './reports.controller';

@Module({
  controllers: [ReportsController],
  providers: [EsfReportService, EsfExportService],
})
export class ReportsModule {}
