// What citizens and officers call a procedure at the counter, against what the catalogue names it.
// "Sổ đỏ" is nowhere in a procedure's name; "Giấy chứng nhận quyền sử dụng đất" is. Each short
// form leads to phrases searched in the procedure index (name and field; any one is enough).
import { foldVietnamese } from '../text/fold';

const ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  gplx: ['giấy phép lái xe'],
  'bang lai': ['giấy phép lái xe'],
  'bang lai xe': ['giấy phép lái xe'],
  // The land field's own certificate procedures ("Cấp lại Giấy chứng nhận do bị mất") name no land: the field does.
  'so do': ['giấy chứng nhận quyền sử dụng đất', 'giấy chứng nhận đất đai'],
  'so hong': ['giấy chứng nhận quyền sử dụng đất', 'giấy chứng nhận đất đai', 'quyền sở hữu nhà ở'],
  qsdd: ['quyền sử dụng đất'],
  gcnqsdd: ['giấy chứng nhận quyền sử dụng đất'],
  // Business registration: the catalogue says "Đăng ký thành lập … doanh nghiệp / công ty".
  dkkd: ['đăng ký kinh doanh', 'đăng ký doanh nghiệp', 'đăng ký thành lập', 'đăng ký hoạt động doanh nghiệp'],
  dkdn: ['đăng ký doanh nghiệp', 'đăng ký thành lập'],
  gpxd: ['giấy phép xây dựng'],
  lltp: ['lý lịch tư pháp'],
  pccc: ['phòng cháy chữa cháy'],
  attp: ['an toàn thực phẩm'],
  cchn: ['chứng chỉ hành nghề'],
  gpld: ['giấy phép lao động'],
  hdv: ['hướng dẫn viên'],
  bvtv: ['bảo vệ thực vật'],
  gpkd: ['giấy phép kinh doanh'],
};

/** The procedure-name phrases a short form stands for ('GPLX', 'sổ đỏ', 'ĐKKD'), or none. */
export function procedurePhrases(query: string): readonly string[] {
  return ABBREVIATIONS[foldVietnamese(query).replace(/[^a-z0-9 ]/g, '')] ?? [];
}
