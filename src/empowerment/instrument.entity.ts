import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Instrument, InstrumentAnchor, InstrumentDimension, LocalisedText } from './instrument';

const numeric = { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/**
 * One version of a measurement instrument. Rows are never updated (the app role has no UPDATE
 * grant): a change is a new version, so every assessment keeps pointing at what it was scored with.
 * Satisfies the pure rules' specs, so it can be handed to validateScores, nextDue, progress as is.
 */
@Entity('instruments')
export class InstrumentEntity implements Instrument {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** NULL for a built-in instrument every partnership reads. */
  @Column('uuid', { name: 'partnership_id', nullable: true }) partnershipId!: string | null;
  @Column('text') key!: string;
  @Column('jsonb') name!: LocalisedText;
  @Column('int') version!: number;
  @Column('jsonb') dimensions!: InstrumentDimension[];
  @Column('int', { name: 'scale_min' }) scaleMin!: number;
  @Column('int', { name: 'scale_max' }) scaleMax!: number;
  @Column('jsonb', { nullable: true }) anchors!: InstrumentAnchor[] | null;
  @Column('int', { name: 'review_interval_months' }) reviewIntervalMonths!: number;
  @Column('int', { name: 'baseline_due_weeks' }) baselineDueWeeks!: number;
  @Column('numeric', { name: 'progress_threshold', precision: 4, scale: 2, transformer: numeric })
  progressThreshold!: number;
  @Column('numeric', { name: 'regression_threshold', precision: 4, scale: 2, transformer: numeric })
  regressionThreshold!: number;
  /**
   * For a one-dimension release-style scale: the score from which guidance can be let go (the
   * built-in loslaatschaal: 8 of 10). Drawn as a line on the release chart; null for other instruments.
   */
  @Column('int', { name: 'release_threshold', nullable: true }) releaseThreshold!: number | null;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
