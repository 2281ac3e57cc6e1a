// Every 4xx carries a machine code and a Vietnamese message that says what happened and what to do.
import type { ApiErrorCode } from '../shared/sync/protocol';

export const ERROR_MESSAGES: Record<ApiErrorCode, string> = {
  MALFORMED_JSON: 'Dữ liệu gửi lên không phải JSON hợp lệ. Hãy thử gửi lại; nếu vẫn lỗi, báo quản trị viên.',
  INVALID_REQUEST: 'Dữ liệu gửi lên sai định dạng hoặc thiếu trường bắt buộc.',
  PAYLOAD_TOO_LARGE: 'Gói dữ liệu quá lớn (tối đa 1 MiB). Máy quầy sẽ gửi thành nhiều gói nhỏ hơn.',
  TOO_MANY_EVENTS: 'Quá nhiều sự kiện trong một lần gửi (tối đa 500). Máy quầy sẽ gửi thành nhiều lần.',
  UNSUPPORTED_MEDIA_TYPE: 'Chỉ chấp nhận dữ liệu dạng application/json.',
  UNAUTHENTICATED: 'Thiếu thông tin xác thực. Máy quầy cần được đăng ký với máy chủ Trung tâm.',
  UNKNOWN_DEVICE: 'Máy quầy này chưa được đăng ký với máy chủ Trung tâm. Hãy nhập mã đăng ký do quản trị viên cấp.',
  DEVICE_REVOKED: 'Máy quầy này đã bị thu hồi quyền truy cập. Liên hệ quản trị viên để đăng ký lại.',
  SESSION_EXPIRED: 'Phiên đăng nhập đã hết hạn hoặc không hợp lệ. Hãy đăng nhập lại.',
  FORBIDDEN: 'Tài khoản không có quyền thực hiện thao tác này.',
  WRONG_COUNTER: 'Sự kiện mang mã quầy khác với máy quầy đang gửi. Không có dữ liệu nào được ghi.',
  WRONG_CENTER: 'Hồ sơ thuộc cơ quan khác, không phải của Trung tâm này. Không có dữ liệu nào được ghi.',
  OTHER_CENTER_ACCOUNT: 'Tài khoản thuộc trung tâm khác, không đăng nhập được tại quầy của trung tâm này.',
  ENROLMENT_CODE_INVALID: 'Mã đăng ký máy quầy không đúng. Kiểm tra lại hoặc xin mã mới từ quản trị viên.',
  ENROLMENT_CODE_USED: 'Mã đăng ký này đã được sử dụng. Mỗi mã chỉ dùng được một lần; xin mã mới từ quản trị viên.',
  ENROLMENT_CODE_EXPIRED: 'Mã đăng ký đã hết hạn. Xin mã mới từ quản trị viên.',
  BAD_CREDENTIALS: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  NOT_FOUND: 'Không tìm thấy dữ liệu hoặc địa chỉ yêu cầu.',
  ALREADY_EXISTS: 'Dữ liệu đã tồn tại.',
  LEASE_EXHAUSTED: 'Đã hết dải số để cấp cho ngày này. Máy quầy sẽ dùng dải số dự phòng riêng của mình.',
  DATABASE_UNAVAILABLE:
    'Máy chủ Trung tâm tạm thời không kết nối được cơ sở dữ liệu, thao tác chưa được ghi. Máy quầy tự gửi lại dữ liệu khi cơ sở dữ liệu hoạt động trở lại; nếu kéo dài quá vài phút, báo bộ phận CNTT.',
  INVALID_TEXT: 'Dữ liệu gửi lên có ký tự không hợp lệ (ký tự NUL, ký tự điều khiển hoặc ký tự Unicode hỏng). Không có dữ liệu nào được ghi.',
  TOO_MANY_ATTEMPTS: 'Đăng nhập sai quá nhiều lần. Hãy đợi một lát rồi thử lại.',
  SERVER_BUSY: 'Máy chủ đang bận xử lý đăng nhập. Hãy thử lại sau vài giây.',
  PASSWORD_CHANGE_REQUIRED: 'Mật khẩu hiện tại là mật khẩu tạm do quản trị viên đặt. Hãy đặt mật khẩu mới trước khi làm việc.',
};

export class ApiError extends Error {
  /** Sent as the Retry-After header (429, 503). */
  retryAfterSeconds?: number;

  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message?: string,
    readonly details?: unknown,
  ) {
    super(message ?? ERROR_MESSAGES[code]);
  }

  toBody() {
    return { error: { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) } };
  }
}
