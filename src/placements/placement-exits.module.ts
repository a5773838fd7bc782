import { Module } from '@nestjs/common';
import { PlacementExitsService } from './placement-exits.service';

@Module({ providers: [PlacementExitsService], exports: [PlacementExitsService] })
export class PlacementExitsModule {}
