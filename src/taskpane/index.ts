const app = document.getElementById('app');
if (app) app.textContent = 'Văn thư – Lưu trữ 2026';
