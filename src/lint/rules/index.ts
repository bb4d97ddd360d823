/** Every lint rule, in the order their repairs apply to one node (oneOf→anyOf before a null branch is added). */
import type { SchemaRule } from '../defect.js';
import { emptyPathParameter } from './empty-path-parameter.js';
import { nullableEnumWithoutNull } from './nullable-enum-without-null.js';
import { nullableWithoutType } from './nullable-without-type.js';
import { overlappingOneOf } from './overlapping-one-of.js';

/** The rules: light to import (no Ajv), so `lint --help` lists them without loading the linter. */
export const RULES: readonly SchemaRule[] = [overlappingOneOf, nullableEnumWithoutNull, nullableWithoutType, emptyPathParameter];
