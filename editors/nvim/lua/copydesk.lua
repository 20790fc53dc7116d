-- copydesk for Neovim's built-in LSP client.
--
-- Works on Neovim 0.7 and later: it uses vim.lsp.start_client and
-- vim.lsp.buf_attach_client from a FileType autocommand, not vim.lsp.start (0.8+).
--
--   require('copydesk').setup()                       -- `copydesk` on PATH
--   require('copydesk').setup({ cmd = { '/path/to/copydesk', 'server' } })

local M = {}

local defaults = {
  -- The command that starts the server.
  cmd = { 'copydesk', 'server' },
  -- Filetypes to check.
  filetypes = { 'markdown', 'text' },
  -- Files that mark a project root (the nearest folder upwards that holds one).
  root_markers = { 'copydesk.toml', '.copydesk.toml', '.git' },
  -- Passed on to vim.lsp.start_client.
  on_attach = nil,
  capabilities = nil,
  settings = {},
}

-- One client per root folder.
local clients = {}

local function root_dir(bufnr, markers)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local dir = name ~= '' and vim.fn.fnamemodify(name, ':p:h') or vim.fn.getcwd()
  for _, marker in ipairs(markers) do
    local found = vim.fn.findfile(marker, dir .. ';')
    if found == '' then
      found = vim.fn.finddir(marker, dir .. ';')
    end
    if found ~= '' then
      return vim.fn.fnamemodify(found, ':p:h'):gsub('/%.git/?$', '')
    end
  end
  return dir
end

local function client_for(root, opts)
  local id = clients[root]
  if id then
    local client = vim.lsp.get_client_by_id(id)
    if client and not client.is_stopped() then
      return id
    end
  end
  id = vim.lsp.start_client({
    name = 'copydesk',
    cmd = opts.cmd,
    root_dir = root,
    workspace_folders = {
      { uri = vim.uri_from_fname(root), name = root },
    },
    settings = opts.settings,
    capabilities = opts.capabilities or vim.lsp.protocol.make_client_capabilities(),
    on_attach = opts.on_attach,
  })
  clients[root] = id
  return id
end

function M.setup(user)
  local opts = vim.tbl_deep_extend('force', defaults, user or {})
  if vim.fn.executable(opts.cmd[1]) ~= 1 then
    vim.notify('copydesk: `' .. opts.cmd[1] .. '` is not executable; set cmd in setup()', vim.log.levels.WARN)
    return
  end
  local group = vim.api.nvim_create_augroup('copydesk_lsp', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = opts.filetypes,
    callback = function(args)
      local bufnr = args.buf
      if vim.bo[bufnr].buftype ~= '' then
        return
      end
      local id = client_for(root_dir(bufnr, opts.root_markers), opts)
      if id then
        vim.lsp.buf_attach_client(bufnr, id)
      end
    end,
  })
end

return M
