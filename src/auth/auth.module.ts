import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { SECRETS } from '../config/config.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { PartnershipsModule } from '../partnerships/partnerships.module';
import { StaffModule } from '../staff/staff.module';
import { Secrets } from '../config/secrets';
import { AuthController } from './auth.controller';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { JwtStrategy } from './jwt.strategy';
import { LoginRateLimiter } from './login-rate-limiter';

@Module({
  imports: [
    PassportModule,
    StaffModule,
    OrganisationsModule,
    PartnershipsModule,
    JwtModule.registerAsync({
      inject: [SECRETS],
      useFactory: (secrets: Secrets) => ({ secret: secrets.jwtSecret, signOptions: { algorithm: 'HS256' } }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, AuthRepository, JwtStrategy, LoginRateLimiter],
  exports: [AuthService],
})
export class AuthModule {}
