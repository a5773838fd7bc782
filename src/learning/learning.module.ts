import { Module } from '@nestjs/common';
import { CaseMeetingsModule } from '../case-meetings/case-meetings.module';
import { TrajectoriesModule } from '../trajectories/trajectories.module';
import { PersonasController } from './personas.controller';
import { PersonasRepository } from './personas.repository';
import { PersonasService } from './personas.service';
import { SignalsController } from './signals.controller';
import { SignalsRepository } from './signals.repository';
import { SignalsService } from './signals.service';
import { ValueQuestionsController } from './value-questions.controller';
import { ValueQuestionsRepository } from './value-questions.repository';
import { ValueQuestionsService } from './value-questions.service';

/** Learning as a partnership: personas, signals of structural barriers, and value questions. */
@Module({
  imports: [TrajectoriesModule, CaseMeetingsModule],
  controllers: [PersonasController, SignalsController, ValueQuestionsController],
  providers: [
    PersonasService,
    SignalsService,
    ValueQuestionsService,
    PersonasRepository,
    SignalsRepository,
    ValueQuestionsRepository,
  ],
})
export class LearningModule {}
