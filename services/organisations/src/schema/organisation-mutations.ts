import { defineMutationErrors, SHARED_MUTATION_ERRORS } from '@mutu/service';
import { builder } from '../builder.js';
import { DuplicateNameError, HierarchyCycleError, InvalidRegionError } from '../errors.js';
import {
  createOrganisation,
  dissolveOrganisation,
  mergeOrganisation,
  moveOrganisation,
  updateOrganisation,
  updatePublicServiceMall,
} from '../register.js';
import { MallStatus, PublicServiceMall } from './mall.js';
import { Organisation, OrganisationKind, Sector } from './organisation.js';

/** The register changes only at an administrator's hand. */
const ADMIN = { admin: true };

const ALL_ERRORS = defineMutationErrors(builder, [
  ...SHARED_MUTATION_ERRORS,
  {
    name: 'DuplicateNameError',
    error: DuplicateNameError,
    description:
      'Another active body under the same parent already has this name (ignoring case and accents).',
    fields: { existingId: 'string' },
  },
  {
    name: 'HierarchyCycleError',
    error: HierarchyCycleError,
    description: 'The change would put a body under itself.',
  },
  {
    name: 'InvalidRegionError',
    error: InvalidRegionError,
    description: "A region code is unknown or does not fit the parent's region.",
  },
]);

const CreateOrganisationInput = builder.inputType('CreateOrganisationInput', {
  description: 'A new body in the register.',
  fields: (t) => ({
    kind: t.field({ type: OrganisationKind, required: true }),
    name: t.string({ required: true, description: 'Official name, 2-200 characters; trimmed.' }),
    shortName: t.string({ description: 'Short name or acronym, up to 60 characters.' }),
    slug: t.string({
      description:
        'Last part of the id (parent id + "." + slug); derived from the name when omitted.',
    }),
    parentId: t.id({ description: 'The body it belongs to.' }),
    sector: t.field({ type: Sector }),
    provinceCode: t.string({ description: "Its province; defaults to the parent's." }),
    regencyCode: t.string({ description: "Its regency or city; defaults to the parent's." }),
    source: t.string({
      description: 'Where the record comes from; defaults to "Recorded by <actor>".',
    }),
    sourceReference: t.string({ description: 'A citation or link within the source.' }),
  }),
});

const UpdateOrganisationInput = builder.inputType('UpdateOrganisationInput', {
  description: 'Fields to change; omitted fields keep their value, null clears an optional one.',
  fields: (t) => ({
    name: t.string(),
    shortName: t.string(),
    sector: t.field({ type: Sector }),
    source: t.string(),
    sourceReference: t.string(),
  }),
});

const VERSION = 'The `version` you read; the change applies only if the record is still at it.';

builder.mutationFields((t) => ({
  createOrganisation: t.field({
    type: Organisation,
    description:
      'Adds a body to the register (not a regional government: those follow the region data).',
    authScopes: ADMIN,
    errors: { types: ALL_ERRORS, dataField: { name: 'organisation' } },
    args: { input: t.arg({ type: CreateOrganisationInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      createOrganisation(
        { ...input, parentId: input.parentId == null ? null : String(input.parentId) },
        ctx.identity.sub,
      ),
  }),
  updateOrganisation: t.field({
    type: Organisation,
    description: "Changes a body's name, short name, sector or provenance.",
    authScopes: ADMIN,
    errors: { types: ALL_ERRORS, dataField: { name: 'organisation' } },
    args: {
      id: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({ required: true, description: VERSION }),
      input: t.arg({ type: UpdateOrganisationInput, required: true }),
    },
    resolve: (_root, args, ctx) =>
      updateOrganisation(String(args.id), args.expectedVersion, args.input, ctx.identity.sub),
  }),
  moveOrganisation: t.field({
    type: Organisation,
    description: 'Puts a body under another parent (null: top level). Its id stays the same.',
    authScopes: ADMIN,
    errors: { types: ALL_ERRORS, dataField: { name: 'organisation' } },
    args: {
      id: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({ required: true, description: VERSION }),
      parentId: t.arg.id(),
    },
    resolve: (_root, args, ctx) =>
      moveOrganisation(
        String(args.id),
        args.expectedVersion,
        args.parentId == null ? null : String(args.parentId),
        ctx.identity.sub,
      ),
  }),
  mergeOrganisation: t.field({
    type: Organisation,
    description:
      'Records that a body was merged into another on a date; its active units move to that body.',
    authScopes: ADMIN,
    errors: { types: ALL_ERRORS, dataField: { name: 'organisation' } },
    args: {
      id: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({ required: true, description: VERSION }),
      intoId: t.arg.id({ required: true }),
      on: t.arg({ type: 'Date', required: true }),
    },
    resolve: (_root, args, ctx) =>
      mergeOrganisation(
        String(args.id),
        args.expectedVersion,
        String(args.intoId),
        args.on,
        ctx.identity.sub,
      ),
  }),
  dissolveOrganisation: t.field({
    type: Organisation,
    description: 'Records that a body was dissolved on a date. It must have no active units left.',
    authScopes: ADMIN,
    errors: { types: ALL_ERRORS, dataField: { name: 'organisation' } },
    args: {
      id: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({ required: true, description: VERSION }),
      on: t.arg({ type: 'Date', required: true }),
    },
    resolve: (_root, args, ctx) =>
      dissolveOrganisation(String(args.id), args.expectedVersion, args.on, ctx.identity.sub),
  }),
}));

const UpdatePublicServiceMallInput = builder.inputType('UpdatePublicServiceMallInput', {
  description: "An MPP's details; omitted fields keep their value, null clears an optional one.",
  fields: (t) => ({
    status: t.field({ type: MallStatus }),
    address: t.string({ description: 'Street address, up to 300 characters.' }),
    openedOn: t.field({ type: 'Date', description: 'Inauguration date.' }),
    serviceCount: t.int({ description: 'Number of service types offered (0-10000).' }),
    tenantIds: t.idList({
      description: 'The complete list of tenant organisations, replacing the current one.',
    }),
  }),
});

builder.mutationField('updatePublicServiceMall', (t) =>
  t.field({
    type: PublicServiceMall,
    description: "Changes an MPP's status, address, opening date, service count or tenants.",
    authScopes: ADMIN,
    errors: { types: ALL_ERRORS, dataField: { name: 'mall' } },
    args: {
      id: t.arg.id({ required: true, description: 'The MPP organisation id, e.g. "21.71.mpp".' }),
      expectedVersion: t.arg.int({ required: true, description: VERSION }),
      input: t.arg({ type: UpdatePublicServiceMallInput, required: true }),
    },
    resolve: (_root, args, ctx) =>
      updatePublicServiceMall(
        String(args.id),
        args.expectedVersion,
        { ...args.input, tenantIds: args.input.tenantIds?.map(String) },
        ctx.identity.sub,
      ),
  }),
);

const AuditEntry = builder.prismaObject('AuditEntry', {
  description: 'One change to the register.',
  fields: (t) => ({
    id: t.exposeID('id'),
    action: t.exposeString('action', {
      description: 'create, update, move, merge, dissolve or update-mall.',
    }),
    actor: t.exposeString('actor', {
      description: "Who made the change: the subject of the caller's verified token.",
    }),
    at: t.expose('at', { type: 'DateTime', description: 'When.' }),
    before: t.expose('before', {
      type: 'JSON',
      nullable: true,
      description: 'The record before the change (null for a creation).',
    }),
    after: t.expose('after', {
      type: 'JSON',
      nullable: true,
      description: 'The record after the change.',
    }),
  }),
});

builder.prismaObjectField(Organisation, 'auditTrail', (t) =>
  t.field({
    type: [AuditEntry],
    // Null with an error for callers without the right, and the rest of the answer intact.
    nullable: true,
    description:
      'Every change made to this record through the graph, newest first (analysts and administrators).',
    authScopes: { analyst: true },
    resolve: (organisation, _args, ctx) => ctx.loaders.auditTrail.load(organisation.id),
  }),
);
