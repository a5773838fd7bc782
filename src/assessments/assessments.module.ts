import { Module } from '@nestjs/common';
import { EmpowermentModule } from '../empowerment/empowerment.module';
import { TrajectoriesModule } from '../trajectories/trajectories.module';
import { AssessmentsController } from './assessments.controller';
import { AssessmentsService } from './assessments.service';

@Module({
  imports: [TrajectoriesModule, EmpowermentModule],
  controllers: [AssessmentsController],
  providers: [AssessmentsService],
})
export class AssessmentsModule {}
