import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permission';
import { Authenticated } from '../auth/authenticated.decorator';
import { VdabTrajectoryCheckDto } from './dto/referral.dto';
import { VdabCheckService } from './vdab-check.service';

@ApiTags('referrals')
@Controller('participants')
export class VdabCheckController {
  constructor(private readonly checks: VdabCheckService) {}

  @Post(':id/vdab-trajectory-check')
  @HttpCode(200)
  @Authenticated({
    permission: Permission.VdabCheckWrite,
    summary: 'Record the MLP check: does VDAB already run a trajectory for this participant?',
  })
  record(@Param('id', ParseUUIDPipe) id: string, @Body() dto: VdabTrajectoryCheckDto) {
    return this.checks.record(id, dto);
  }
}
