import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permission';
import { Authenticated } from '../auth/authenticated.decorator';
import { AuditEventsService } from './audit-events.service';
import { AuditEventPageResponse, AuditEventQuery } from './dto/audit-event.dto';
import { ApiOk } from '../common/http/api-responses';

@ApiTags('privacy')
@Controller('audit-events')
export class AuditEventsController {
  constructor(private readonly events: AuditEventsService) {}

  @Get()
  @Authenticated({
    permission: Permission.AuditRead,
    summary: 'Search the audit log (DPO): by participant, actor, organisation, action and period',
  })
  @ApiOk(AuditEventPageResponse)
  search(@Query() query: AuditEventQuery): Promise<AuditEventPageResponse> {
    return this.events.search(query);
  }
}
