import { defineScoringEnums } from '@mutu/service';
import { builder } from '../builder.js';

export const { Framework, Zone } = defineScoringEnums(builder);

export const AgreementKind = builder.enumType('AgreementKind', {
  description: 'The form of an agreement between organisations.',
  values: {
    NOTA_KESEPAKATAN: {
      description:
        'Nota kesepakatan: a memorandum of understanding between government bodies, setting out a shared intent.',
    },
    MOU: { description: 'A memorandum of understanding in general (MoU).' },
    PERJANJIAN_KERJA_SAMA: {
      description:
        'Perjanjian kerja sama (PKS): a cooperation agreement that implements a nota kesepakatan with concrete obligations.',
    },
  } as const,
});

export const AgreementStatus = builder.enumType('AgreementStatus', {
  description: "An agreement's standing today (Western Indonesian Time), derived from its dates.",
  values: {
    NOT_YET_IN_FORCE: { description: 'validFrom is still ahead.' },
    ACTIVE: { description: 'In force, and not ending within 90 days (or without an end).' },
    EXPIRING: { description: 'In force, and ending within 90 days.' },
    EXPIRED: { description: 'validUntil has passed.' },
  } as const,
});

export const EventKind = builder.enumType('EventKind', {
  description: 'What kind of gathering an event was.',
  values: {
    RAKOR: { description: 'Rapat koordinasi: a coordination meeting.' },
    WORKSHOP_PENDAMPINGAN: {
      description:
        'Workshop pendampingan: a mentoring workshop, e.g. before a compliance assessment.',
    },
    SOSIALISASI: { description: 'Sosialisasi: a briefing that introduces a rule or programme.' },
    BIMTEK: { description: 'Bimbingan teknis: hands-on technical training.' },
    PENGANUGERAHAN: { description: 'Penganugerahan: an award ceremony.' },
  } as const,
});
