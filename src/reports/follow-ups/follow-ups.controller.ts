import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission } from '../../access/permission';
import { Authenticated } from '../../auth/authenticated.decorator';
import { CreateFollowUpDto } from './follow-up.dto';
import { FollowUpsService } from './follow-ups.service';
import { ApiCreated } from '../../common/http/api-responses';
import { FollowUpResponse } from './follow-up.response';

@ApiTags('follow-ups')
@Controller()
export class FollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  @Post('trajectories/:id/follow-ups')
  @Authenticated({
    permission: Permission.TrajectoryWrite,
    summary: "Record a participant's situation after leaving (4 weeks, 6 months): evidence for ESF+ results",
  })
  @ApiCreated(FollowUpResponse)
  create(@Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateFollowUpDto): Promise<FollowUpResponse> {
    return this.followUps.create(id, dto);
  }
}
