import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module';
import { CaseMeetingsModule } from '../case-meetings/case-meetings.module';
import { GroupSessionsModule } from '../group-sessions/group-sessions.module';
import { ReferralsModule } from '../referrals/referrals.module';
import { AgendaController } from './agenda.controller';
import { AgendaService } from './agenda.service';

@Module({
  imports: [ReferralsModule, CaseMeetingsModule, GroupSessionsModule, AssessmentsModule],
  controllers: [AgendaController],
  providers: [AgendaService],
})
export class AgendaModule {}
