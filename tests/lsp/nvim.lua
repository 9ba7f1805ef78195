-- Neovim's built-in LSP client (headless) with `tradlint lsp`: attach to
-- the buffer given on the command line, wait for the diagnostics, write
-- them to $TL_OUT as "line col end_line end_col severity code" (0-based
-- lines, byte columns as Neovim keeps them), then quit. $TL_BIN is tradlint.
local out = assert(os.getenv('TL_OUT'))
-- the file on the command line is loaded after this script: start then
vim.api.nvim_create_autocmd('VimEnter', { callback = function()
local client = vim.lsp.start_client({
  name = 'tradlint',
  cmd = { assert(os.getenv('TL_BIN')), 'lsp' },
  root_dir = vim.fn.getcwd(),
})
vim.lsp.buf_attach_client(0, client)
local got = vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local f = assert(io.open(out, 'w'))
if not got then f:write('TIMEOUT\n') end
for _, d in ipairs(vim.diagnostic.get(0)) do
  f:write(string.format('%d %d %d %d %d %s\n', d.lnum, d.col, d.end_lnum, d.end_col, d.severity, d.code or '-'))
end
f:close()
vim.lsp.stop_client(client)
vim.wait(2000, function() return vim.lsp.client_is_stopped(client) end, 50)
vim.cmd('qa!')
end })
