import { ApiProperty } from '@nestjs/swagger';
import { EMPLOYER_KINDS, EmployerKind } from '../employer-kinds';
import { EmployerEntity } from '../employer.entity';

export class EmployerContactResponse {
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
}

export class EmployerResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true, example: '0123456749' }) kboNumber!: string | null;
  @ApiProperty({ type: String, nullable: true }) sector!: string | null;
  @ApiProperty({ enum: EMPLOYER_KINDS }) kind!: EmployerKind;
  @ApiProperty() inclusive!: boolean;
  @ApiProperty({ type: EmployerContactResponse }) contact!: EmployerContactResponse;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty() version!: number;
}

export class EmployerPage {
  @ApiProperty({ type: [EmployerResponse] }) items!: EmployerResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() limit!: number;
}

export function toEmployerResponse(e: EmployerEntity): EmployerResponse {
  return {
    id: e.id,
    name: e.name,
    kboNumber: e.kboNumber,
    sector: e.sector,
    kind: e.kind,
    inclusive: e.inclusive,
    contact: { name: e.contactName, phone: e.contactPhone, email: e.contactEmail },
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
    version: e.version,
  };
}
