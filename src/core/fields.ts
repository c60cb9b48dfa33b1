/** SPEC §2: the kinds of sheet, their fields and folded header synonyms. */

export type SheetKind = 'task' | 'inspection' | 'registry';

export const TASK_FIELDS = [
  'docNumber',
  'assignedDate',
  'content',
  'leadUnit',
  'coUnits',
  'leader',
  'owner',
  'deadline',
  'completedDate',
  'status',
] as const;
export const INSPECTION_FIELDS = ['date', 'unit', 'form', 'topic', 'violations', 'handling'] as const;
export const REGISTRY_FIELDS = ['unit', 'unitType', 'head', 'disciplined'] as const;

export type TaskField = (typeof TASK_FIELDS)[number];
export type InspectionField = (typeof INSPECTION_FIELDS)[number];
export type RegistryField = (typeof REGISTRY_FIELDS)[number];
export type FieldName = TaskField | InspectionField | RegistryField;

export interface KindSpec {
  readonly kind: SheetKind;
  readonly synonyms: Readonly<Record<string, readonly string[]>>;
  /** Every inner list needs one of its fields. */
  readonly required: readonly (readonly string[])[];
  /** Columns whose last value marks the end of the table (the footer starts below). */
  readonly footerFields: readonly string[];
}

export const KINDS: readonly KindSpec[] = [
  {
    kind: 'task',
    synonyms: {
      docNumber: ['so ky hieu van ban', 'so van ban', 'so hieu van ban', 'so ky hieu', 'van ban giao'],
      assignedDate: ['ngay giao', 'ngay van ban', 'ngay ban hanh', 'ngay nhan'],
      content: ['noi dung nhiem vu', 'trich yeu', 'noi dung', 'nhiem vu', 'ten nhiem vu'],
      leadUnit: ['don vi chu tri', 'co quan chu tri', 'don vi thuc hien', 'co quan thuc hien', 'chu tri'],
      coUnits: ['don vi phoi hop', 'co quan phoi hop', 'phoi hop'],
      leader: ['lanh dao phu trach', 'lanh dao chi dao', 'nguoi chi dao'],
      owner: [
        'nguoi phu trach',
        'can bo phu trach',
        'chuyen vien phu trach',
        'can bo thu ly',
        'chuyen vien thu ly',
        'can bo thuc hien',
        'nguoi thuc hien',
      ],
      deadline: ['thoi han', 'han xu ly', 'han hoan thanh', 'han'],
      completedDate: ['ngay hoan thanh', 'ngay bao cao ket qua', 'ngay tra ket qua'],
      status: ['tinh trang', 'tien do', 'ket qua thuc hien', 'trang thai'],
    },
    required: [['leadUnit'], ['deadline'], ['content', 'docNumber']],
    footerFields: ['docNumber', 'assignedDate', 'deadline', 'completedDate'],
  },
  {
    kind: 'inspection',
    synonyms: {
      date: ['ngay kiem tra', 'thoi gian kiem tra'],
      unit: ['don vi duoc kiem tra', 'co quan duoc kiem tra', 'don vi'],
      form: ['hinh thuc kiem tra', 'hinh thuc'],
      topic: ['noi dung kiem tra'],
      violations: ['so vi pham', 'so truong hop vi pham', 'vi pham'],
      handling: ['hinh thuc xu ly', 'xu ly'],
    },
    required: [['date'], ['unit'], ['violations']],
    footerFields: ['date', 'violations'],
  },
  {
    kind: 'registry',
    synonyms: {
      unit: ['ten don vi', 'don vi', 'co quan'],
      unitType: ['loai don vi', 'khoi', 'loai hinh'],
      head: ['nguoi dung dau', 'thu truong', 'lanh dao'],
      disciplined: ['ky luat', 'bi ky luat', 'xu ly ky luat'],
    },
    required: [['unit'], ['unitType']],
    footerFields: ['unit'],
  },
];

export function kindSpec(kind: SheetKind): KindSpec {
  return KINDS.find((k) => k.kind === kind)!;
}
