import { ApiProperty } from '@nestjs/swagger';
import { CONTRACT_TYPES, ContractType, PLACEMENT_KINDS, PlacementKind } from '../placement-rules';
import { PlacementEntity } from '../placement.entity';

export class PlacementEmployerResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class PlacementResponse {
  @ApiProperty() id!: string;
  @ApiProperty() trajectoryId!: string;
  @ApiProperty() participantId!: string;
  @ApiProperty({ enum: PLACEMENT_KINDS }) kind!: PlacementKind;
  @ApiProperty({ type: PlacementEmployerResponse, nullable: true })
  employer!: PlacementEmployerResponse | null;
  @ApiProperty({ example: '2026-03-01' }) startDate!: string;
  @ApiProperty({ type: String, nullable: true, example: null }) endDate!: string | null;
  @ApiProperty({ example: 19 }) hoursPerWeek!: number;
  @ApiProperty({ enum: CONTRACT_TYPES }) contractType!: ContractType;
  @ApiProperty({ description: "The placement the trajectory's exit with outcome work refers to" })
  exit!: boolean;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty() version!: number;
}

export class PlacementPage {
  @ApiProperty({ type: [PlacementResponse] }) items!: PlacementResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() limit!: number;
}

export function toPlacementResponse(p: PlacementEntity, employerName: string | null): PlacementResponse {
  return {
    id: p.id,
    trajectoryId: p.trajectoryId,
    participantId: p.participantId,
    kind: p.kind,
    employer: p.employerId ? { id: p.employerId, name: employerName ?? '' } : null,
    startDate: p.startDate,
    endDate: p.endDate,
    hoursPerWeek: p.hoursPerWeek,
    contractType: p.contractType,
    exit: p.exit,
    createdBy: p.createdBy,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    version: p.version,
  };
}
