import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { SignalEntity } from '../learning.entity';
import { SIGNAL_CATEGORIES, SignalCategory } from '../signal-text';
import { Trimmed } from '../../common/validation/trimmed';

export class CreateSignalDto {
  @ApiProperty({ enum: SIGNAL_CATEGORIES }) @IsIn(SIGNAL_CATEGORIES) category!: SignalCategory;
  @ApiProperty({
    example:
      'Wie een leefloon krijgt, vindt in Rabot geen huurwoning onder 700 euro; wachtlijsten van 4 jaar.',
    description:
      'The barrier, described without personal data: no names, no national numbers (refused with 400)',
  })
  @Trimmed()
  @IsString()
  @Length(10, 2000)
  text!: string;
}

/** What the author gets back: the text is not echoed (see SignalsService: names the author may not know are redacted). */
export class SignalResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: SIGNAL_CATEGORIES }) category!: SignalCategory;
  @ApiProperty() recordedAt!: string;
}

export class SignalReportItem {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: SIGNAL_CATEGORIES }) category!: SignalCategory;
  @ApiProperty() text!: string;
  @ApiProperty({ description: 'The organisation of the coach who recorded it' }) organisation!: string;
  @ApiProperty() recordedAt!: string;
}

export class SignalReportResponse {
  @ApiProperty() year!: number;
  @ApiProperty() quarter!: number;
  @ApiProperty({ example: { from: '2026-10-01', to: '2026-12-31' } }) period!: { from: string; to: string };
  @ApiProperty() definition!: string;
  @ApiProperty({
    example: { housing: 3, debt: 1 },
    description: 'Signals recorded in the quarter, per category',
  })
  byCategory!: Record<SignalCategory, number>;
  @ApiProperty() total!: number;
  @ApiProperty({ type: [SignalReportItem] }) items!: SignalReportItem[];
}

export const toSignalResponse = (s: SignalEntity): SignalResponse => ({
  id: s.id,
  category: s.category,
  recordedAt: s.createdAt.toISOString(),
});
