-- jixiao specs (*.jx) in Neovim's built-in LSP client: `jixiao lsp` over stdio.
-- Works from Neovim 0.7 (vim.lsp.start_client + buf_attach_client; vim.lsp.start is 0.8+).
--   require('jixiao')                          -- defaults
--   require('jixiao').setup({ cmd = { '/path/to/jixiao', 'lsp' }, on_attach = ... })
--
-- Suggested keymaps, in your on_attach(client, bufnr):
--   local o = { buffer = bufnr }
--   vim.keymap.set('n', 'K', vim.lsp.buf.hover, o)                 -- the arithmetic of a row
--   vim.keymap.set('n', '<leader>ca', vim.lsp.buf.code_action, o)  -- quick fixes
--   vim.keymap.set('n', '<leader>f', function()                    -- jixiao fmt
--     if vim.lsp.buf.format then vim.lsp.buf.format() else vim.lsp.buf.formatting() end -- 0.7: formatting
--   end, o)
--   vim.keymap.set('n', ']d', vim.diagnostic.goto_next, o)
local M = {}

M.config = {
  cmd = { 'jixiao', 'lsp' },
  on_attach = nil,    -- function(client, bufnr), called after the defaults below
  capabilities = nil, -- e.g. require('cmp_nvim_lsp').default_capabilities()
}

local clients = {} -- root directory -> client id

-- The git root above the file, else the file's directory (the working directory for a new buffer).
local function root_of(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local dir = name ~= '' and vim.fn.fnamemodify(name, ':p:h') or vim.loop.cwd()
  local d = dir
  while true do
    if vim.loop.fs_stat(d .. '/.git') then return d end -- a directory, or a file in a worktree
    local parent = vim.fn.fnamemodify(d, ':h')
    if parent == d then return dir end
    d = parent
  end
end

local function on_attach(client, bufnr)
  -- 0.7 does not set omnifunc itself: <C-x><C-o> then completes from the server.
  vim.api.nvim_buf_set_option(bufnr, 'omnifunc', 'v:lua.vim.lsp.omnifunc')
  if M.config.on_attach then M.config.on_attach(client, bufnr) end
end

-- Starts the client of the buffer's root, or reuses it, and attaches the buffer.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local root = root_of(bufnr)
  local id = clients[root]
  local client = id and vim.lsp.get_client_by_id(id)
  if not client or client.is_stopped() then
    local exe = M.config.cmd[1]
    if vim.fn.executable(exe) ~= 1 then
      vim.notify(('jixiao: "%s" is not executable; set it with require("jixiao").setup({ cmd = { PATH, "lsp" } })')
        :format(exe), vim.log.levels.ERROR)
      return
    end
    local ok, started = pcall(vim.lsp.start_client, {
      name = 'jixiao',
      cmd = M.config.cmd,
      root_dir = root,
      capabilities = M.config.capabilities,
      on_attach = on_attach,
      on_exit = function(_, _, client_id)
        if clients[root] == client_id then clients[root] = nil end
      end,
    })
    if not ok or not started then
      vim.notify('jixiao: cannot start ' .. table.concat(M.config.cmd, ' ') .. (ok and '' or ': ' .. tostring(started)),
        vim.log.levels.ERROR)
      return
    end
    id = started
    clients[root] = id
  end
  if not vim.lsp.buf_is_attached(bufnr, id) then vim.lsp.buf_attach_client(bufnr, id) end
end

function M.setup(opts)
  M.config = vim.tbl_extend('force', M.config, opts or {})
  if vim.filetype and vim.filetype.add then vim.filetype.add({ extension = { jx = 'jixiao' } }) end
  local group = vim.api.nvim_create_augroup('jixiao', { clear = true })
  -- 0.7 reads vim.filetype.add only with g:do_filetype_lua = 1, hence the autocmd as well;
  -- setfiletype does nothing when the type is already set.
  vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, {
    group = group, pattern = '*.jx', command = 'setfiletype jixiao',
  })
  vim.api.nvim_create_autocmd('FileType', {
    group = group, pattern = 'jixiao', callback = function(args) M.attach(args.buf) end,
  })
  -- Buffers opened before this ran.
  for _, b in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(b) and vim.bo[b].filetype == 'jixiao' then M.attach(b) end
  end
  return M
end

return M.setup()
