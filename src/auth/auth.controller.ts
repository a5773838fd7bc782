import { Body, Controller, Get, HttpCode, Ip, Post, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Permission } from '../access/permission';
import { ApiProblems } from '../common/http/api-problems.decorator';
import { AuthService } from './auth.service';
import { Authenticated } from './authenticated.decorator';
import { ActivateDto, ChangePasswordDto, LoginDto, MeResponse, TokenResponse } from './dto/login.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange email and password for a bearer token (rate-limited)',
    description: 'Public. Wrong credentials and an inactive account answer alike (401 UNAUTHORIZED).',
  })
  @ApiOkResponse({ type: TokenResponse })
  @ApiProblems({ 401: ['UNAUTHORIZED'], 429: ['TOO_MANY_LOGIN_ATTEMPTS'] })
  login(@Body() dto: LoginDto, @Ip() ip: string) {
    return this.auth.login(dto.email, dto.password, ip);
  }

  @Post('activate')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Set the password with a one-time activation or reset token (strength rules apply)',
  })
  @ApiNoContentResponse({ description: 'Password set; the token is used up' })
  activate(@Body() dto: ActivateDto, @Req() req: FastifyRequest) {
    return this.auth.activate(dto.token, dto.password, String(req.id));
  }

  @Post('password')
  @HttpCode(204)
  @Authenticated({
    permission: Permission.SelfWrite,
    summary: "Change one's own password; every token of the account stops working, log in again",
  })
  @ApiNoContentResponse({ description: 'Password changed' })
  changePassword(@Body() dto: ChangePasswordDto, @Ip() ip: string) {
    return this.auth.changePassword(dto.currentPassword, dto.newPassword, ip);
  }

  @Get('me')
  @Authenticated({
    permission: Permission.SelfRead,
    summary: 'Who am I: staff member, organisation, partnership, roles, permissions',
  })
  @ApiOkResponse({ type: MeResponse })
  me() {
    return this.auth.me();
  }
}
