-- Neovim 0.7 headless: start edgetpu-lint lsp, open a description, wait for the diagnostics of the
-- description and of a .tflite in the workspace, write them to OUT (one per line), quit.
local server = os.getenv('EDGETPU_LINT_BIN')
local root = os.getenv('E2E_ROOT')
local description = os.getenv('E2E_DESCRIPTION')
local binary = os.getenv('E2E_BINARY')
local out = io.open(os.getenv('E2E_OUT'), 'w')

local client_id = vim.lsp.start_client({
  name = 'edgetpu-lint',
  cmd = {server, 'lsp'},
  root_dir = root,
  workspace_folders = {{uri = vim.uri_from_fname(root), name = 'workspace'}},
  settings = {edgetpuLint = {runtime = 14}},
  on_exit = function(code) out:write('exit\t' .. tostring(code) .. '\n') end,
})
if not client_id then
  out:write('error\tstart_client failed\n')
  out:close()
  vim.cmd('qa!')
end

vim.cmd('edit ' .. vim.fn.fnameescape(description))
local description_buf = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(description_buf, client_id)
local binary_buf = vim.uri_to_bufnr(vim.uri_from_fname(binary))

local ok = vim.wait(120000, function()
  return #vim.diagnostic.get(description_buf) > 0 and #vim.diagnostic.get(binary_buf) > 0
end, 100)
out:write('waited\t' .. tostring(ok) .. '\n')

local function dump(kind, bufnr)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local code = ''
    if d.user_data and d.user_data.lsp and d.user_data.lsp.code then
      code = tostring(d.user_data.lsp.code)
    end
    local message = string.gsub(d.message, '\n.*', '')
    out:write(kind .. '\t' .. d.lnum .. '\t' .. d.severity .. '\t' .. code .. '\t' .. message .. '\n')
  end
end
dump('description', description_buf)
dump('binary', binary_buf)

-- Hover on the operator line goes through the same server.
local params = {textDocument = {uri = vim.uri_from_bufnr(description_buf)}, position = {line = 12, character = 12}}
local responses = vim.lsp.buf_request_sync(description_buf, 'textDocument/hover', params, 60000)
for _, response in pairs(responses or {}) do
  if response.result and response.result.contents then
    local value = response.result.contents.value or ''
    out:write('hover\t' .. string.gsub(string.sub(value, 1, 200), '\n', ' ') .. '\n')
  end
end

vim.lsp.stop_client(client_id)
vim.wait(10000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 100)
out:close()
vim.cmd('qa!')
