import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permission';
import { ApiProblems } from '../common/http/api-problems.decorator';
import { AuthService } from './auth.service';
import { Authenticated } from './authenticated.decorator';
import { LoginDto, MeResponse, TokenResponse } from './dto/login.dto';

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
