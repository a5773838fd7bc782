import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permission';
import { Authenticated } from '../auth/authenticated.decorator';
import { AgendaService } from './agenda.service';

@ApiTags('agenda')
@Controller('me')
export class AgendaController {
  constructor(private readonly agenda: AgendaService) {}

  @Get('agenda')
  @Authenticated({
    permission: Permission.AgendaRead,
    summary:
      'My work for today: open referrals assigned to me, my open case-meeting actions, upcoming meetings and sessions',
  })
  mine() {
    return this.agenda.mine();
  }
}
