import type { CatalogueImport, CatalogueImportOptions } from './import';
import { parseCatalogueCsv } from './import';

/** Shown wherever the demo catalogue is in use, so no one receives real dossiers against it. */
export const DEMO_CATALOGUE_NOTICE =
  'Dữ liệu mẫu: danh mục thủ tục này được tổng hợp từ nguồn công khai để chạy thử, có dòng còn thiếu thông tin. ' +
  'Trung tâm phải thay bằng danh mục thủ tục hành chính do mình công bố trước khi tiếp nhận hồ sơ thật.';

/** Parses `assets/catalogue/catalogue-demo.csv` (the caller reads the file) with every procedure marked demo. */
export function parseDemoCatalogue(csvText: string, opts: CatalogueImportOptions = {}): CatalogueImport {
  return parseCatalogueCsv(csvText, { ...opts, demo: true });
}
