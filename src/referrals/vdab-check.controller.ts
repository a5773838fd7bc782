import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permission';
import { Authenticated } from '../auth/authenticated.decorator';
import { VdabTrajectoryCheckDto } from './dto/referral.dto';
import { VdabCheckService } from './vdab-check.service';
import { ApiOk } from '../common/http/api-responses';
import { VdabTrajectoryCheckResponse } from './dto/referral.response';

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
  @ApiOk(VdabTrajectoryCheckResponse)
  record(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: VdabTrajectoryCheckDto,
  ): Promise<VdabTrajectoryCheckResponse> {
    return this.checks.record(id, dto);
  }
}
