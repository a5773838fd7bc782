import { Module } from '@nestjs/common';
import { TrajectoriesModule } from '../trajectories/trajectories.module';
import { PersonasController } from './personas.controller';
import { PersonasService } from './personas.service';
import { SignalsController } from './signals.controller';
import { SignalsService } from './signals.service';
import { ValueQuestionsController } from './value-questions.controller';
import { ValueQuestionsService } from './value-questions.service';

/** Learning as a partnership: personas, signals of structural barriers, and value questions. */
@Module({
  imports: [TrajectoriesModule],
  controllers: [PersonasController, SignalsController, ValueQuestionsController],
  providers: [PersonasService, SignalsService, ValueQuestionsService],
})
export class LearningModule {}
