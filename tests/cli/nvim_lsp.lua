-- Neovim's built-in LSP client against `jixiao lsp`, through editors/nvim/jixiao.lua as a user
-- loads it: the spec is opened, the diagnostic must arrive, hover is asked for, and the rate's
-- quick fix is applied by Neovim, after which the diagnostic must be gone. What the
-- client received is written to OUT for the shell script to compare; any failure exits non-zero.
--   nvim --headless --clean -l is 0.9+; 0.7 runs: nvim --headless --clean -c 'luafile THIS'
local bin, plugin, spec, out = vim.env.JIXIAO_BIN, vim.env.JIXIAO_PLUGIN, vim.env.JIXIAO_SPEC, vim.env.JIXIAO_OUT
local lines = {}
local function finish(code)
  lines[#lines + 1] = 'exit ' .. code
  vim.fn.writefile(lines, out)
  vim.cmd((code == 0 and 'qa!' or 'cquit! ' .. code))
end
local ok, err = pcall(function()
  local jixiao = dofile(plugin)
  jixiao.setup({ cmd = { bin, 'lsp' } })
  vim.cmd('edit ' .. vim.fn.fnameescape(spec))
  local buf = vim.api.nvim_get_current_buf()
  lines[#lines + 1] = 'filetype ' .. vim.bo[buf].filetype
  local got = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  if not got then
    lines[#lines + 1] = 'no diagnostic within 20 s'
    return finish(1)
  end
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    -- lnum and col are 0-based; col in bytes, as Neovim converts the server's UTF-16.
    lines[#lines + 1] = ('diagnostic %d:%d-%d:%d severity %d [%s] %s'):format(
      d.lnum, d.col, d.end_lnum, d.end_col, d.severity, d.code or (d.user_data and d.user_data.lsp.code) or '',
      vim.split(d.message, '\n')[1])
  end
  local client = vim.lsp.get_active_clients()[1]
  local d = vim.diagnostic.get(buf)[1]
  local params = { textDocument = { uri = vim.uri_from_bufnr(buf) },
                   position = { line = d.lnum, character = 0 } }
  local reply = client.request_sync('textDocument/hover', params, 10000, buf)
  local value = reply and reply.result and reply.result.contents.value or 'no hover'
  lines[#lines + 1] = 'hover ' .. vim.split(value, '\n')[1]
  -- The quick fix of the rate, applied by Neovim itself (its UTF-16 positions on a line of
  -- Chinese text), must make the rate's diagnostic go on the next publish.
  -- (0.7 keeps no LSP range with a diagnostic: the actions of its whole line are asked for.)
  local actions = client.request_sync('textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = d.lnum, character = 0 }, ['end'] = { line = d.lnum + 1, character = 0 } },
    context = { diagnostics = {} },
  }, 10000, buf)
  local action
  for _, a in ipairs(actions and actions.result or {}) do
    if a.title:find('执行率', 1, true) then action = a end
  end
  if not action then
    lines[#lines + 1] = 'no code action'
    return finish(1)
  end
  lines[#lines + 1] = 'action ' .. action.title
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
  lines[#lines + 1] = 'line ' .. vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1]
  -- The total row's rate finding (its sub-row's is its own, fixed by its own action).
  local gone = vim.wait(20000, function()
    for _, x in ipairs(vim.diagnostic.get(buf)) do
      local code = x.code or (x.user_data and x.user_data.lsp.code)
      if code == 'budget-rate-mismatch' and x.lnum == d.lnum then
        return false
      end
    end
    return true
  end, 50)
  lines[#lines + 1] = gone and 'rate diagnostic gone' or 'rate diagnostic still there after 20 s'
  finish(gone and 0 or 1)
end)
if not ok then
  lines[#lines + 1] = 'error ' .. tostring(err)
  finish(3)
end
