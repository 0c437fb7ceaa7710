import { defineMutationErrors, SHARED_MUTATION_ERRORS } from '@mutu/service';
import { builder } from '../builder.js';
import {
  createAgreement,
  createAward,
  createEvent,
  updateAgreement,
  updateEvent,
} from '../engagement.js';
import { AgreementKind, EventKind, Framework } from './enums.js';
import { Agreement, Award, Event } from './objects.js';

const ERRORS = defineMutationErrors(builder, SHARED_MUTATION_ERRORS);

const PartyInput = builder.inputType('AgreementPartyInput', {
  description: 'One party to an agreement.',
  fields: (t) => ({
    organisationId: t.id({ required: true }),
    name: t.string({
      description: "The party's name as the document states it; the register's name if omitted.",
    }),
    role: t.string({ description: 'e.g. "Pihak Pertama".' }),
    signatoryName: t.string(),
    signatoryPosition: t.string({ description: 'e.g. "Gubernur Kalimantan Tengah".' }),
  }),
});

const CreateAgreementInput = builder.inputType('CreateAgreementInput', {
  description:
    'A signed agreement: at least two distinct parties, valid until after it was signed.',
  fields: (t) => ({
    title: t.string({ required: true, description: '3-300 characters.' }),
    kind: t.field({ type: AgreementKind, required: true }),
    subject: t.string(),
    signedOn: t.field({ type: 'Date', required: true }),
    validFrom: t.field({ type: 'Date', description: 'Defaults to signedOn.' }),
    validUntil: t.field({ type: 'Date', description: 'Omit when the agreement states no end.' }),
    documentReference: t.string(),
    eventId: t.id({ description: 'The event where it was signed; signedOn must fall within it.' }),
    source: t.string({
      description: 'Where the record comes from; "Recorded by <actor>" if omitted.',
    }),
    parties: t.field({ type: [PartyInput], required: true }),
  }),
});

const UpdateAgreementInput = builder.inputType('UpdateAgreementInput', {
  description: 'Fields to change; omitted fields keep their value, null clears an optional one.',
  fields: (t) => ({
    title: t.string(),
    subject: t.string(),
    validUntil: t.field({
      type: 'Date',
      description: 'e.g. an extension; must stay after signedOn.',
    }),
    documentReference: t.string(),
  }),
});

const CreateEventInput = builder.inputType('CreateEventInput', {
  description: 'An event that took place or is planned; it cannot end before it starts.',
  fields: (t) => ({
    kind: t.field({ type: EventKind, required: true }),
    title: t.string({ required: true }),
    hostId: t.id({ required: true }),
    speakerIds: t.idList({ description: "The speakers' organisations." }),
    participantIds: t.idList(),
    venue: t.string({ description: 'e.g. "Aula Jayang Tingang, Palangka Raya".' }),
    provinceCode: t.string({ description: "Where it took place; the host's province by default." }),
    startsOn: t.field({ type: 'Date', required: true }),
    endsOn: t.field({ type: 'Date', description: 'Defaults to startsOn.' }),
    framework: t.field({ type: Framework, description: 'Taken from the cycle when one is given.' }),
    cycleId: t.id({
      description: 'The assessment cycle it concerns, e.g. "ombudsman-compliance-2024".',
    }),
    summary: t.string(),
    source: t.string(),
  }),
});

const UpdateEventInput = builder.inputType('UpdateEventInput', {
  description: 'Fields to change; omitted fields keep their value, null clears an optional one.',
  fields: (t) => ({
    title: t.string(),
    venue: t.string(),
    summary: t.string({ description: 'e.g. what was agreed, once the event is over.' }),
    startsOn: t.field({ type: 'Date' }),
    endsOn: t.field({ type: 'Date', description: 'Still not before startsOn.' }),
    speakerIds: t.idList({
      description: 'The complete list of speakers, replacing the current one.',
    }),
    participantIds: t.idList({
      description: 'The complete list of participants, replacing the current one.',
    }),
  }),
});

const CreateAwardInput = builder.inputType('CreateAwardInput', {
  description: 'An award or predikat given to an organisation in the register.',
  fields: (t) => ({
    recipientId: t.id({ required: true }),
    awardingId: t.id({ required: true, description: 'Who gives it.' }),
    title: t.string({
      required: true,
      description: 'e.g. "Predikat Kepatuhan Standar Pelayanan Publik".',
    }),
    cycleId: t.id({ description: 'The assessment cycle it recognises.' }),
    assessmentId: t.id({ description: 'The recognised assessment, when known.' }),
    awardedOn: t.field({ type: 'Date', required: true }),
    eventId: t.id({ description: 'Where it was handed over; awardedOn must fall within it.' }),
    source: t.string(),
    score: t.float({
      description:
        "The score it rewards, where the source gives one; on the scale of the cycle's method (needs cycleId or assessmentId).",
    }),
  }),
});

const id = (value: string | number) => String(value);
const optionalId = (value: string | number | null | undefined) =>
  value == null ? null : String(value);

builder.mutationFields((t) => ({
  createAgreement: t.field({
    type: Agreement,
    description: 'Records a signed agreement with its parties.',
    authScopes: { admin: true },
    errors: { types: ERRORS, dataField: { name: 'agreement' } },
    args: { input: t.arg({ type: CreateAgreementInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      createAgreement(
        {
          ...input,
          eventId: optionalId(input.eventId),
          parties: input.parties.map((p) => ({ ...p, organisationId: id(p.organisationId) })),
        },
        ctx.identity.sub,
      ),
  }),
  updateAgreement: t.field({
    type: Agreement,
    description: "Changes an agreement's title, subject, end of validity or document reference.",
    authScopes: { admin: true },
    errors: { types: ERRORS, dataField: { name: 'agreement' } },
    args: {
      id: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({
        required: true,
        description: 'The `version` you read; the change applies only if it is still current.',
      }),
      input: t.arg({ type: UpdateAgreementInput, required: true }),
    },
    resolve: (_root, args, ctx) =>
      updateAgreement(id(args.id), args.expectedVersion, args.input, ctx.identity.sub),
  }),
  createEvent: t.field({
    type: Event,
    description: 'Records a rakor, workshop, sosialisasi, bimtek or award ceremony.',
    authScopes: { admin: true },
    errors: { types: ERRORS, dataField: { name: 'event' } },
    args: { input: t.arg({ type: CreateEventInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      createEvent(
        {
          ...input,
          hostId: id(input.hostId),
          speakerIds: input.speakerIds?.map(id),
          participantIds: input.participantIds?.map(id),
          cycleId: optionalId(input.cycleId),
        },
        ctx.identity.sub,
      ),
  }),
  updateEvent: t.field({
    type: Event,
    description: "Changes an event's title, venue, summary, dates, speakers or participants.",
    authScopes: { admin: true },
    errors: { types: ERRORS, dataField: { name: 'event' } },
    args: {
      id: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({
        required: true,
        description: 'The `version` you read; the change applies only if it is still current.',
      }),
      input: t.arg({ type: UpdateEventInput, required: true }),
    },
    resolve: (_root, args, ctx) =>
      updateEvent(
        id(args.id),
        args.expectedVersion,
        {
          ...args.input,
          speakerIds: args.input.speakerIds?.map(id),
          participantIds: args.input.participantIds?.map(id),
        },
        ctx.identity.sub,
      ),
  }),
  createAward: t.field({
    type: Award,
    description: 'Records an award; its recipient and awarding body must be in the register.',
    authScopes: { admin: true },
    errors: { types: ERRORS, dataField: { name: 'award' } },
    args: { input: t.arg({ type: CreateAwardInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      createAward(
        {
          ...input,
          recipientId: id(input.recipientId),
          awardingId: id(input.awardingId),
          cycleId: optionalId(input.cycleId),
          assessmentId: optionalId(input.assessmentId),
          eventId: optionalId(input.eventId),
        },
        ctx.identity.sub,
      ),
  }),
}));
