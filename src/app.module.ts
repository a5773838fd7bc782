import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { AccessModule } from './access/access.module';
import { actorFromStaff } from './access/actor';
import { AgendaModule } from './agenda/agenda.module';
import { AssessmentsModule } from './assessments/assessments.module';
import { AuthModule } from './auth/auth.module';
import { CaseMeetingsModule } from './case-meetings/case-meetings.module';
import { RequestTransactionInterceptor } from './auth/request-transaction.interceptor';
import { ProblemFilter } from './common/errors/problem.filter';
import { EtagInterceptor } from './common/http/etag.interceptor';
import { ControlCharactersInterceptor } from './common/http/control-characters.interceptor';
import { IdempotencyInterceptor } from './common/http/idempotency.interceptor';
import { ConfigModule } from './config/config.module';
import { ContactsModule } from './contacts/contacts.module';
import { Environment } from './config/environment';
import { Secrets } from './config/secrets';
import { DatabaseModule } from './database/database.module';
import { ENTITIES } from './entities';
import { EmployersModule } from './employers/employers.module';
import { EmpowermentModule } from './empowerment/empowerment.module';
import { FeedbackModule } from './feedback/feedback.module';
import { GoalsModule } from './goals/goals.module';
import { GroupSessionsModule } from './group-sessions/group-sessions.module';
import { HealthModule } from './health/health.module';
import { LearningModule } from './learning/learning.module';
import { LifeDomainsModule } from './life-domains/life-domains.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { ParticipantsModule } from './participants/participants.module';
import { PlacementsModule } from './placements/placements.module';
import { DataProtectionModule } from './privacy/data-protection.module';
import { PrivacyModule } from './privacy/privacy.module';
import { ReferralsModule } from './referrals/referrals.module';
import { ReportsModule } from './reports/reports.module';
import { StaffModule } from './staff/staff.module';
import { TeamsModule } from './teams/teams.module';
import { TrajectoriesModule } from './trajectories/trajectories.module';

export interface AppOptions {
  env: Environment;
  secrets: Secrets;
  appUrl: string;
}

@Module({})
export class AppModule {
  static forRoot({ env, secrets, appUrl }: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(env, secrets),
        DatabaseModule.forRoot(
          appUrl,
          {
            poolSize: env.DB_POOL_SIZE,
            statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
            acquireTimeoutMs: env.DB_ACQUIRE_TIMEOUT_MS,
          },
          { entities: ENTITIES, actorFromStaff },
        ),
        AuthModule,
        AccessModule,
        PrivacyModule,
        OrganisationsModule,
        TeamsModule,
        StaffModule,
        ParticipantsModule,
        TrajectoriesModule,
        EmpowermentModule,
        LifeDomainsModule,
        GoalsModule,
        ContactsModule,
        ReferralsModule,
        CaseMeetingsModule,
        GroupSessionsModule,
        AgendaModule,
        DataProtectionModule,
        ReportsModule,
        AssessmentsModule,
        FeedbackModule,
        EmployersModule,
        PlacementsModule,
        LearningModule,
        HealthModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ProblemFilter },
        // Before anything reaches the database: a NUL byte anywhere in the input is a 400, not a 500.
        { provide: APP_INTERCEPTOR, useClass: ControlCharactersInterceptor },
        // Order matters: the ETag is read off the response after the transaction has committed.
        { provide: APP_INTERCEPTOR, useClass: EtagInterceptor },
        { provide: APP_INTERCEPTOR, useClass: RequestTransactionInterceptor },
        // Inside the transaction: the key row and the work it guards commit or roll back together.
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}
