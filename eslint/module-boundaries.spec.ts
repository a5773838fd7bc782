import { join } from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import boundaries from './module-boundaries.mjs';

// RuleTester runs each case as a jest test (it uses the describe/it it finds).
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } });
const at = (path: string) => join(process.cwd(), path);
const rule = (name: keyof typeof boundaries.rules) => boundaries.rules[name] as never;

describe('module-boundaries/no-foreign-persistence', () => {
  tester.run('no-foreign-persistence', rule('no-foreign-persistence'), {
    valid: [
      {
        filename: at('src/goals/goals.service.ts'),
        code: "import { GoalsRepository } from './goals.repository';",
      },
      {
        filename: at('src/goals/goals.service.ts'),
        code: "import { ParticipantsService } from '../participants/participants.service';",
      },
      {
        filename: at('src/goals/goal.entity.ts'),
        code: "import { ParticipantEntity } from '../participants/participant.entity';",
      },
      { filename: at('src/entities.ts'), code: "import { GoalEntity } from './goals/goal.entity';" },
      { filename: at('src/seed/demo-seed.ts'), code: "import { StaffEntity } from '../staff/staff.entity';" },
      {
        filename: at('src/goals/goals.service.ts'),
        code: "import { GoalEntity } from '../participants/participant.entity';",
        options: [{ allow: ['src/goals/goals.service.ts'] }],
      },
    ],
    invalid: [
      {
        filename: at('src/goals/goals.service.ts'),
        code: "import { ParticipantEntity } from '../participants/participant.entity';",
        errors: [{ messageId: 'foreign' }],
      },
      {
        filename: at('src/goals/goals.repository.ts'),
        code: "import type { ParticipantsRepository } from '../participants/participants.repository';",
        errors: [{ messageId: 'foreign' }],
      },
      {
        filename: at('src/reports/follow-ups/follow-ups.service.ts'),
        code: "export { TrajectoryEntity } from '../../trajectories/trajectory.entity';",
        errors: [{ messageId: 'foreign' }],
      },
    ],
  });
});

describe('module-boundaries/ground-floor', () => {
  tester.run('ground-floor', rule('ground-floor'), {
    valid: [
      {
        filename: at('src/database/database.module.ts'),
        code: "import { DomainError } from '../common/errors/domain-error';",
      },
      { filename: at('src/common/http/x.ts'), code: "import { Clock } from '../../database/clock';" },
      {
        filename: at('src/common/logging/logger.spec.ts'),
        code: "import { demoLogins } from '../../seed/demo-seed';",
      },
    ],
    invalid: [
      {
        filename: at('src/database/database-context.service.ts'),
        code: "import { permissionsFor } from '../access/role-permissions';",
        errors: [{ messageId: 'upward' }],
      },
      {
        filename: at('src/common/validation/past-or-now.ts'),
        code: "import { futureDate } from '../../participants/participants.errors';",
        errors: [{ messageId: 'upward' }],
      },
      {
        filename: at('src/database/data-sources.ts'),
        code: "import { ENTITIES } from '../entities';",
        errors: [{ messageId: 'upward' }],
      },
    ],
  });
});

describe('module-boundaries/no-sql-in-services', () => {
  tester.run('no-sql-in-services', rule('no-sql-in-services'), {
    valid: [
      { filename: at('src/goals/goals.service.ts'), code: 'this.goals.findForTrajectory(id);' },
      { filename: at('src/goals/goals.repository.ts'), code: "this.db.manager.query('select 1');" },
      { filename: at('src/database/database-context.service.ts'), code: "manager.query('reset role');" },
      {
        filename: at('src/goals/goals.service.ts'),
        code: "this.db.manager.query('select 1');",
        options: [{ allow: ['src/goals/goals.service.ts'] }],
      },
    ],
    invalid: [
      {
        filename: at('src/goals/goals.service.ts'),
        code: "this.db.manager.query('select 1');",
        errors: [{ messageId: 'call' }],
      },
      {
        filename: at('src/goals/goals.service.ts'),
        code: "this.db.manager.getRepository(GoalEntity).createQueryBuilder('g');",
        errors: [{ messageId: 'call' }, { messageId: 'call' }],
      },
      {
        filename: at('src/goals/goals.service.ts'),
        code: "import { findOrFail, updateVersioned } from '../common/persistence/versioned';",
        errors: [{ messageId: 'helper' }, { messageId: 'helper' }],
      },
    ],
  });
});
