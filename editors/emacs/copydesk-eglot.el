;;; copydesk-eglot.el --- copydesk's language server with Eglot  -*- lexical-binding: t; -*-

;; Eglot (built into Emacs 29; a package for 26.3 and later) runs `copydesk server'
;; for Markdown and plain text buffers.  `copydesk' must be on `exec-path'.

(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               '((markdown-mode gfm-mode text-mode) . ("copydesk" "server"))))

;; Start it in the buffers copydesk checks.  `text-mode-hook' also runs in modes derived
;; from text-mode (commit messages, Org): start Eglot only for real text files.
(defun copydesk-eglot-maybe-start ()
  "Start Eglot with copydesk in Markdown buffers and in .txt files."
  (when (or (derived-mode-p 'markdown-mode)
            (and buffer-file-name
                 (string-match-p "\\.\\(txt\\|text\\)\\'" buffer-file-name)))
    (eglot-ensure)))

(add-hook 'markdown-mode-hook #'copydesk-eglot-maybe-start)
(add-hook 'text-mode-hook #'copydesk-eglot-maybe-start)

(provide 'copydesk-eglot)
;;; copydesk-eglot.el ends here
