// Test fixtures shared by the configuration unit tests and the centers end-to-end test: what the
// provincial Center sets for itself in Quản trị › Trung tâm (the province's setting `receive`).
export const PROVINCIAL_RECEIVE = {
  agency: { parent: 'UBND TỈNH NGHỆ AN', name: 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG' },
  place: 'Nghệ An',
  deskPlace: 'Bộ phận trả kết quả, Trung tâm Phục vụ Hành chính công tỉnh',
  unitName: 'Trung tâm Phục vụ Hành chính công tỉnh Nghệ An',
  address: 'Số 16 đường Trường Thi, phường Trường Vinh, tỉnh Nghệ An',
};
