/**
 * The application menu: the standard roles only (edit, view, window), so
 * copy/paste, zoom, full screen and the platform's window commands work as
 * users expect, and nothing in it touches the network or the archive.
 * Labels are English; Electron localises role labels on macOS itself.
 * A pure template builder: index.ts passes it to Menu.buildFromTemplate.
 */

/** The subset of Electron's MenuItemConstructorOptions this menu uses. */
export interface MenuItemTemplate {
  label?: string;
  role?: string;
  type?: 'separator';
  submenu?: MenuItemTemplate[];
}

export function menuTemplate(options: { platform: NodeJS.Platform; appName: string; developer: boolean }): MenuItemTemplate[] {
  const mac = options.platform === 'darwin';
  const sep: MenuItemTemplate = { type: 'separator' };
  const menu: MenuItemTemplate[] = [];
  if (mac) {
    menu.push({
      label: options.appName,
      submenu: [{ role: 'about' }, sep, { role: 'services' }, sep, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, sep, { role: 'quit' }],
    });
  }
  menu.push({ label: 'File', submenu: [mac ? { role: 'close' } : { role: 'quit' }] });
  menu.push({
    label: 'Edit',
    submenu: [{ role: 'undo' }, { role: 'redo' }, sep, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
  });
  const view: MenuItemTemplate[] = [{ role: 'reload' }];
  // DevTools only in development: a packaged reader has no use for them.
  if (options.developer) view.push({ role: 'forceReload' }, { role: 'toggleDevTools' });
  view.push(sep, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, sep, { role: 'togglefullscreen' });
  menu.push({ label: 'View', submenu: view });
  menu.push({
    label: 'Window',
    submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, sep, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }],
  });
  return menu;
}
